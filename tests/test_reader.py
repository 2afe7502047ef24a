"""The reader's HTML marks spans and escapes everything that came from the article."""

from kroniek.charts.reader import Mark, highlight_html


def test_marks_and_focus():
    text = "Poetin leende 5 euro."
    html = highlight_html(text, [Mark(0, 6, "actor", "Vladimir Poetin"), Mark(14, 20, "money", "5 EUR")], focus=(0, 21))
    assert '<span class="kr-focus"><span class="kr-actor" title="Vladimir Poetin">Poetin</span></span>' in html
    assert '<span class="kr-money" title="5 EUR">5 euro</span>' in html


def test_hostile_text_is_shown_as_text():
    text = 'Zie <script>alert("x")</script> en <img src=x onerror=alert(1)>'
    html = highlight_html(text, [Mark(4, 12, "actor", '"><script>bad()</script>')])
    assert "<script>" not in html.split("</style>", 1)[1]
    assert "&lt;script&gt;</span>alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="&quot;&gt;&lt;script&gt;bad()&lt;/script&gt;"' in html


def test_overlapping_marks_keep_money_over_actor():
    html = highlight_html("100 euro", [Mark(0, 8, "money", "m"), Mark(4, 8, "actor", "a")])
    assert "kr-actor\"" not in html
