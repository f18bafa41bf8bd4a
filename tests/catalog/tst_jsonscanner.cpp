#include "catalog/io/jsonscanner.h"

#include <QtTest>

using namespace pp;

namespace {

// scanJson's events built into a tree by nlohmann's own tree builder, so the two parsers compare.
class TreeFromEvents final : public nlohmann::json_sax<Json> {
public:
    explicit TreeFromEvents(Json &out)
        : m_dom(out, false)
    { }
    bool null() override { return m_dom.null(); }
    bool boolean(bool v) override { return m_dom.boolean(v); }
    bool number_integer(number_integer_t v) override { return m_dom.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) override { return m_dom.number_unsigned(v); }
    bool number_float(number_float_t v, const string_t &s) override { return m_dom.number_float(v, s); }
    bool string(string_t &v) override { return m_dom.string(v); }
    bool binary(binary_t &v) override { return m_dom.binary(v); }
    bool start_object(std::size_t n) override { return m_dom.start_object(n); }
    bool key(string_t &v) override { return m_dom.key(v); }
    bool end_object() override { return m_dom.end_object(); }
    bool start_array(std::size_t n) override { return m_dom.start_array(n); }
    bool end_array() override { return m_dom.end_array(); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }

private:
    nlohmann::detail::json_sax_dom_parser<Json> m_dom;
};

bool scan(const QByteArray &text, Json &out)
{
    TreeFromEvents events(out);
    return scanJson(text.constData(), text.constData() + text.size(), events);
}

} // namespace

// The fast tokenizer must agree with nlohmann on every text: the same tree when both accept, and a
// refusal of everything nlohmann refuses.
class TestJsonScanner : public QObject {
    Q_OBJECT
private slots:
    void sameTreeAsNlohmann_data();
    void sameTreeAsNlohmann();
    void refusesWhatNlohmannRefuses_data();
    void refusesWhatNlohmannRefuses();
    void deepNestingNeedsNoRecursion();
};

void TestJsonScanner::sameTreeAsNlohmann_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("scalars") << QByteArray(R"([true, false, null, 0, -0, 1, -1, 42, 3.5, -2.25e3, 1E2, 0.1, 1e-7])");
    QTest::newRow("64-bit edges") << QByteArray("[18446744073709551615, -9223372036854775808, 9223372036854775808, "
                                                "18446744073709551616, -9223372036854775809]");
    QTest::newRow("object order and repeats") << QByteArray(R"({"b": 1, "a": {"x": [1, {"y": []}]}, "b": 2, "": {}})");
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20ac", "\ud83d\ude00", "\u0000x"])");
    QTest::newRow("raw UTF-8") << QByteArray("[\"M\xC3\xBCller \xE2\x80\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
                                             "\xF0\x9F\x98\x80 \xEF\xBF\xBF \xF4\x8F\xBF\xBF\"]");
    QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"a\" \n:\t[ 1 ,2 ] } \n");
    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF{\"a\": 1}");
    QTest::newRow("bare scalar") << QByteArray("\"just a string\"");
    QTest::newRow("empty containers") << QByteArray("[[], {}, [[]], [{}]]");
}

void TestJsonScanner::sameTreeAsNlohmann()
{
    QFETCH(QByteArray, text);
    Json fast;
    QVERIFY(scan(text, fast));
    const Json reference = Json::parse(text.constData(), text.constData() + text.size());
    QCOMPARE(QString::fromStdString(fast.dump()), QString::fromStdString(reference.dump()));
    // Integer, unsigned and float are distinct JSON number kinds in nlohmann; they must match too.
    for (std::size_t i = 0; reference.is_array() && i < reference.size(); ++i)
        QCOMPARE(int(fast[i].type()), int(reference[i].type()));
}

void TestJsonScanner::refusesWhatNlohmannRefuses_data()
{
    QTest::addColumn<QByteArray>("text");
    const char *const texts[] = {
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1: 2}",
        "[01]",
        "[1.]",
        "[.5]",
        "[+1]",
        "[-]",
        "[1e]",
        "[1e+]",
        "[tru]",
        "[nul]",
        "[True]",
        "{} {}",
        "[1] x",
        "[\"a]",
        "[\"\\x\"]",
        "[\"\\u12\"]",
        "[\"\\ud800\"]",
        "[\"\\udc00\"]",
        "[\"\\ud800\\u0041\"]",
        "[\"tab\there\"]",
        "[\"\xC3\"]",
        "[\"\xC0\xAF\"]",
        "[\"\xED\xA0\x80\"]",
        "[\"\xF4\x90\x80\x80\"]",
        "[\"\xFF\"]",
        "[\"\x80\"]",
        "[1e400]",
        "/* c */ {}",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "]",
        "[NaN]",
        "[Infinity]",
        "['a']",
    };
    int i = 0;
    for (const char *text : texts)
        QTest::addRow("#%d", i++) << QByteArray(text);
    QTest::newRow("NUL inside") << QByteArray("[1,\0 2]", 7);
}

void TestJsonScanner::refusesWhatNlohmannRefuses()
{
    QFETCH(QByteArray, text);
    Json fast;
    QVERIFY(!scan(text, fast));
    QVERIFY(!Json::accept(text.constData(), text.constData() + text.size()) || text.contains("1e400"));
}

void TestJsonScanner::deepNestingNeedsNoRecursion()
{
    const int depth = 200000; // deep enough to overflow the stack of a recursive parser
    const QByteArray text = QByteArray(depth, '[') + QByteArray(depth, ']');
    struct Counter final : nlohmann::json_sax<Json> {
        int arrays = 0;
        bool null() override { return false; }
        bool boolean(bool) override { return false; }
        bool number_integer(number_integer_t) override { return false; }
        bool number_unsigned(number_unsigned_t) override { return false; }
        bool number_float(number_float_t, const string_t &) override { return false; }
        bool string(string_t &) override { return false; }
        bool binary(binary_t &) override { return false; }
        bool start_object(std::size_t) override { return false; }
        bool key(string_t &) override { return false; }
        bool end_object() override { return false; }
        bool start_array(std::size_t) override
        {
            ++arrays;
            return true;
        }
        bool end_array() override { return true; }
        bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
        {
            return false;
        }
    } counter;
    QVERIFY(scanJson(text.constData(), text.constData() + text.size(), counter));
    QCOMPARE(counter.arrays, depth);
    QVERIFY(!scanJson(text.constData(), text.constData() + text.size() - 1, counter));
}

QTEST_GUILESS_MAIN(TestJsonScanner)
#include "tst_jsonscanner.moc"
