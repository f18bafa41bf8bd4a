#pragma once

#include <QByteArray>

// A catalog as a server hands it out: an override of a built-in switch (SN2201 with a lab-measured
// draw) and a new type (lab-leaf).
inline QByteArray labCatalog()
{
    return R"~({
  "format": "pocplanner-catalog", "version": 1,
  "sources": { "LAB": { "title": "Lab inventory sheet", "url": "" } },
  "deviceTypes": [
    { "id": "sw-sn2201", "vendor": "NVIDIA", "model": "SN2201 (lab-measured)", "role": "switch", "uHeight": 1,
      "typicalW": { "value": 140, "source": "LAB", "confidence": "stated" },
      "ports": [ { "pattern": "swp{n}", "count": 48, "speedGbps": 1, "media": "RJ45", "purpose": "mgmt" } ] },
    { "id": "lab-leaf", "vendor": "Generic", "model": "Lab leaf", "role": "switch", "uHeight": 1,
      "ports": [ { "pattern": "swp{n}", "count": 32, "speedGbps": 400, "media": "QSFP-DD" } ] }
  ]
}
)~";
}
