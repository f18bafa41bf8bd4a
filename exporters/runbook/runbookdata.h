#pragma once

#include "exporters/common/exportcontext.h"

#include <QMap>
#include <vector>

namespace pp {

// A table of the runbook; cells are plain text (escaped by each writer).
struct RunbookTable {
    QStringList header;
    std::vector<QStringList> rows;
    QString note; // e.g. "first 200 of 5,000 rows; the full list is in cables.csv"
};

// One block of runbook text. Text holds the resource's inline markup (**bold**, `code`); values
// filled in from the plan are wrapped in kUserBegin/kUserEnd so writers escape them and never
// read markup in them.
struct RunbookBlock {
    enum class Kind { Heading, Paragraph, Bullets, Numbered, Checklist, Code, Note, Table };
    Kind kind = Kind::Paragraph;
    int level = 2;     // headings
    QString text;      // heading, paragraph, note, code
    QStringList items; // bullets, numbered, checklist
    RunbookTable table;
    QString section; // id of the section the block comes from
};

// The install runbook of one track, with the plan's numbers filled in.
struct RunbookDocument {
    QString title;
    QString track;
    QString plan;
    QString customer;
    QString site;
    QString draftMark;
    QStringList sections; // section ids in order
    std::vector<RunbookBlock> blocks;
    QMap<QString, QString> values; // the placeholders' values, for tests and the README
};

namespace runbookmarkup {
constexpr QChar kUserBegin = QChar(0xE000);
constexpr QChar kUserEnd = QChar(0xE001);
// Splits text into (isUserValue, text) segments.
std::vector<std::pair<bool, QString>> segments(const QString &text);
// The text with the value markers removed.
QString plain(const QString &text);
} // namespace runbookmarkup

// Reads the track's sections from :/runbook (resources/runbook) and fills in the plan's figures.
// Returns false with a message when the plan's track has no runbook or a text block is missing.
bool buildRunbook(const ExportContext &context, RunbookDocument *doc, QString *error);
bool buildRunbook(const ExportContext &context, const QString &track, RunbookDocument *doc, QString *error);

} // namespace pp
