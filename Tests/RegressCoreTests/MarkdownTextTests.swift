@testable import RegressCore
import Testing

struct MarkdownTextTests {
    @Test func untrustedNamesCannotBreakATableOpenCodeInjectHTMLOrMentionAnyone() {
        #expect(MarkdownText.escape("a|b") == "a\\|b")
        #expect(MarkdownText.escape("x`y") == "x\\`y")
        #expect(MarkdownText.escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(MarkdownText.escape("ping @octocat and @org/team") == "ping @\u{200B}octocat and @\u{200B}org/team")
        #expect(MarkdownText.escape("line1\nline2\r\n| x |") == "line1 line2 \\| x \\|")
        #expect(MarkdownText.escape("**bold** [link](http://x) ~~s~~ &amp;") == "\\*\\*bold\\*\\* \\[link\\](http://x) \\~\\~s\\~\\~ &amp;amp;")
    }

    @Test func aCodeFenceIsLongerThanAnyBacktickRunInside() {
        #expect(MarkdownText.fence(for: "plain") == "```")
        #expect(MarkdownText.fence(for: "a ```` b") == "`````")
        #expect(MarkdownText.codeLine("a\nb\tc") == "a b c")
    }

    @Test func numbersAreFormattedTheSameEverywhere() {
        #expect(NumberFormat.value(3.812139999899955) == "3.812")
        #expect(NumberFormat.value(0.0114198) == "0.01142")
        #expect(NumberFormat.value(101.4449506143006, unit: "tokens/s") == "101.4 tokens/s")
        #expect(NumberFormat.value(12345.6) == "12346")
        #expect(NumberFormat.value(2.5) == "2.5")
        #expect(NumberFormat.value(0) == "0")
        #expect(NumberFormat.difference(-1.5, unit: "ms") == "-1.5 ms")
        #expect(NumberFormat.percent(0.2771) == "+27.7%")
        #expect(NumberFormat.percent(-0.00001) == "+0.0%")
        #expect(NumberFormat.percent(-0.052) == "-5.2%")
    }
}
