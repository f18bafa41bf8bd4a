#include "catalogactions.h"

#include "catalog/fetch/catalogfetcher.h"
#include "catalog/io/cataloglocations.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace pp::cli {

int runCatalogFetch(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption shaOpt(QStringLiteral("sha256"),
                                    QStringLiteral("Accept the download only when its SHA-256 is this (hex)."),
                                    QStringLiteral("hex"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        QStringLiteral("Give up after this many seconds (default 30)."),
                                        QStringLiteral("s"));
    const QCommandLineOption maxOpt(QStringLiteral("max-bytes"),
                                    QStringLiteral("Refuse a larger download (default 8 MiB)."), QStringLiteral("n"));
    parser.addOptions({shaOpt, timeoutOpt, maxOpt});
    parser.addPositionalArgument(QStringLiteral("url"),
                                 QStringLiteral("http(s) URL of a pocplanner-catalog JSON file."));
    if (const int rc =
            ctx.parse(parser, args,
                      QStringLiteral("Update the fetched catalog layer from a URL.\n"
                                     "A failed, slow, truncated, oversized, mismatching or invalid download keeps\n"
                                     "the last good catalog (%1); ETags are kept in %2.")
                          .arg(catalogLocations::fetchedDir(), catalogLocations::fetchCacheDir()));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1) {
        ctx.err() << "error: give one URL" << Qt::endl << Qt::endl << parser.helpText();
        return kExitUsage;
    }
    const QUrl url(pos.first(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        ctx.err() << "error: not an http(s) URL: \"" << pos.first() << "\"" << Qt::endl;
        return kExitUsage;
    }
    FetchOptions options;
    options.storeDir = catalogLocations::fetchedDir();
    options.cacheDir = catalogLocations::fetchCacheDir();
    if (parser.isSet(shaOpt)) {
        options.expectedSha256 = parser.value(shaOpt).trimmed().toLower();
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex.match(options.expectedSha256).hasMatch()) {
            ctx.err() << "error: --sha256: expected 64 hexadecimal digits" << Qt::endl;
            return kExitUsage;
        }
    }
    if (parser.isSet(timeoutOpt)) {
        bool ok = false;
        const double s = parser.value(timeoutOpt).toDouble(&ok);
        if (!ok || s <= 0 || s > 3600) {
            ctx.err() << "error: --timeout: expected seconds between 0 and 3600" << Qt::endl;
            return kExitUsage;
        }
        options.timeoutMs = static_cast<int>(s * 1000);
        options.stallTimeoutMs = std::min(options.stallTimeoutMs, options.timeoutMs);
    }
    if (parser.isSet(maxOpt)) {
        bool ok = false;
        options.maxBytes = parser.value(maxOpt).toLongLong(&ok);
        if (!ok || options.maxBytes <= 0) {
            ctx.err() << "error: --max-bytes: expected a positive number" << Qt::endl;
            return kExitUsage;
        }
    }
    CatalogFetcher fetcher(options);
    const FetchResult result = fetcher.fetchBlocking(url);
    if (!result.ok()) {
        ctx.err() << "error: " << url.toString() << ": " << result.message << Qt::endl;
        return kExitPlanErrors;
    }
    ctx.out() << url.toString() << ": " << result.message << Qt::endl;
    return kExitOk;
}

} // namespace pp::cli
