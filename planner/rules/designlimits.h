#pragma once

namespace pp {

// Design minimums and thresholds the rules apply, read from resources/rules/rules.json with their sources.
struct DesignLimits {
    int minCNodes = 3;
    int minDBoxes = 1;
    int minDpusPerDBox = 2;
    int minDataSwitches = 2;
    int minPsus = 2;
    int minHomingSwitches = 2;
    double maxOversubscription = 1.0;

    // The built-in limits (qFatal if the bundled file is broken: it ships with the binary).
    static const DesignLimits &builtIn();
};

} // namespace pp
