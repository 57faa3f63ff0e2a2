#!/usr/bin/env python3
"""Writes the seed corpora of the parser fuzz targets, fuzz/corpus/<target>/NNN: real-world
samples (what the web app and browsers send, what Excel and WPS save), edge cases and known
attack strings (overlong UTF-8, %00, path traversal, JSON nesting bombs, zip bombs' declared
sizes, XML entity expansion). The sanitizer's corpus is fuzz/make_corpus.py's. Run again after
adding a sample; the files are committed (libFuzzer only reads them: build-fuzz/corpus/ keeps
what it finds)."""
import io
import os
import shutil
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEP = b"\n====\n"

JSON = [
    b'{}', b'', b'  \r\n', b'[]', b'null', b'"x"', b'{"name":"\xe5\x8d\xa1\xe6\x8b\x89\xe7\x8e\x9b\xe4\xbe\x9d\xe5\xb8\x82\xe5\x9b\xa2\xe5\xa7\x94"}',
    b'{"login":"admin","password":"correct horse battery staple"}',
    b'{"name":"a","name":"b"}', b'{"a":1,"a":1,"a":null}',
    b'{"ids":[1,2,3],"date":"2026-11-30","note":null,"limit":20,"active":true}',
    b'{"parent_id":1e400}', b'{"n":-9223372036854775809}', b'{"n":9223372036854775807}', b'{"n":1.0}',
    # Numbers RapidJSON 1.1.0's own conversion read out of bounds on (now std::from_chars, core/json.cc).
    b'0.' + b'0' * 360 + b'9551615}', b'{"n":128.74836467836484838364836483643636483648e-300}',
    b'{"n":0.0000074836628E-2147483636}',
    b'{"s":"\\u0000"}', b'{"s":"\\ud800"}', b'{"s":"\\udbff\\udfff"}', b'{"\\u0000":1}',
    b'{"s":"\xc0\xaf"}', b'{"s":"\xed\xa0\x80"}', b'\xef\xbb\xbf{}', b'{"a":[' * 70 + b']' * 70 + b'}',
    b'[' * 200, b'{"a":' * 65 + b'1' + b'}' * 65, b'{"s":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}',
    b'{"s":"\\"[{"}', b'{"a":{"b":{"c":[{"d":[]}]}}}', b'{"x":NaN}', b'{"x":Infinity}', b'{"a":1}garbage',
    b'{"a":1,}', b"{'a':1}", b'{"a":"' + b'\xe5\x9b\xa2' * 300 + b'"}', b'{"date":"2026-02-29"}',
    b'{"date":"2024-02-29"}', b'{"__proto__":{"admin":true}}', b'{"constructor":{"prototype":{}}}',
]

QUERY = [
    b'', b'limit=20', b'limit=20&cursor=123', b'q=%E5%8D%A1%E6%8B%89%E7%8E%9B%E4%BE%9D&status=active',
    b'q=a+b&q=c', b'a=1&&b=2&', b'=', b'&=&', b'a', b'%', b'%2', b'%zz', b'%00', b'a=%00', b'%C0%AF',
    b'%ED%A0%80', b'%F4%90%80%80', b'%E5%8D', b'..%2F..%2Fetc%2Fpasswd', b'q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    b'q=%27%20OR%201%3D1--', b'q=%25%32%35', b'limit=-1', b'limit=0', b'limit=201', b'limit=9223372036854775808',
    b'id=007', b'id=+5', b'id= 5', b'active=true&active=false', b'active=TRUE', b'from=2026-11-30&to=2026-12-01',
    b'scope=subtree&kind=cadre', b'q=' + b'%E5%9B%A2' * 250,
]

CURSOR = [
    b'1', b'123', b'9223372036854775807', b'9223372036854775808', b'0', b'-1', b'007', b'+5', b' 5', b'5 ',
    b'1e3', b'0x10', b'', b'i123', b'p/1/2/', b'/1/2/:5', b'limit=20&cursor=42', b'limit=200&cursor=',
    b'cursor=abc', b'cursor=%31%32', b'limit=1&limit=500', b'cursor=1&cursor=x', b'limit=101',
]

ROUTER = [
    b'\x00organizations', b'\x00organizations/1', b'\x00organizations/1/children', b'\x00organizations/search',
    b'\x01sessions', b'\x00me', b'\x04organizations/1', b'\x05organizations/1', b'\x06organizations/1',
    b'\x00/api/v1/health', b'\x00/metrics', b'\x00/', b'\x00', b'\x00//api//v1//organizations//1//',
    b'\x00organizations/%2F', b'\x00organizations/..%2F..', b'\x00organizations/%00', b'\x00organizations/{id}',
    b'\x00people/1', b'\x02people/1', b'\x00organizations/1/people', b'\x00volunteering/projects/1/shifts',
    b'\x07organizations', b'\x00organizations/%E5%9B%A2', b'\x00organizations/%C0%AF',
]

# Check-in tokens "<shift>.<i|o>.<expires_millis>.<mac>" and Cookie headers.
TOKEN = [
    b'12.i.1764489600000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', b'12.o.1764489600000.',
    b'12.i.1764489600000', b'12.x.1.mac', b'.i..', b'....', b'-1.i.-1.x', b'9223372036854775808.i.1.x',
    b'12.i.1764489600000.AAAA.extra', b'1.i.1.' + b'A' * 43, b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09',
    b'tianshan_session=AbCdEf0123456789-_abcdefABCDEF0123456789xyz',
    b'theme=dark; tianshan_session=abc; tianshan_signed_in=1', b'tianshan_session=; tianshan_session=x',
    b';;; tianshan_session', b'  tianshan_session=a=b=c', b'TIANSHAN_SESSION=x', b'tianshan_session="quoted"',
    b'a=1;tianshan_session=\xe5\x9b\xa2',
]

ACCEPT_LANGUAGE = [
    b'zh-CN,zh;q=0.9,en;q=0.8', b'en-US,en;q=0.9', b'en', b'EN', b'  en-GB', b'*', b'', b'e', b'fr-FR,en;q=0.5',
    b'zh-Hans-CN', b'\ten', b'english', b'ug-CN,zh;q=0.8', b'en;q=0', b'\xe4\xb8\xad\xe6\x96\x87',
]

# Cells: the first byte is the kind (0 text, 1 number, 2 date, 3 boolean, 4 empty; 0x40 keeps a
# number's text, 0x80 with 8 bytes is a raw double).
CELLS = [
    b'\x00\xe5\xbc\xa0\xe7\xa4\xba\xe4\xbe\x8b', b'\x0065010219900101123x', b'\x00 650102 1990 0101 123X ',
    b'\x006.50102E+17', b'\x01650102199001011234', b'\x41650102199001011234', b'\x0113812345678',
    b'\x00+86 138-1234-5678', b'\x00(0990)6888888', b'\x000990 6888888', b'\x001990/1/2', b'\x001990\xe5\xb9\xb41\xe6\x9c\x882\xe6\x97\xa5',
    b'\x0019900102', b'\x0119900102', b'\x0132874', b'\x011990.01.02', b'\x001990-01-02 00:00:00', b'\x001990-1-2 abc',
    b'\x002023-02-29', b'\x02', b'\x021990-01-02', b'\x03true', b'\x04', b'\x00\xe3\x80\x80\xc2\xa0 x \xe3\x80\x80',
    b'\x00\xef\xbc\x91\xef\xbc\x99\xef\xbc\x99\xef\xbc\x90', b'\x00\xe7\x94\xb7', b'\x00female', b'\x00*\xe5\x87\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x9c\x9f\xef\xbc\x881990-01-02\xef\xbc\x89',
    b'\x81' + struct.pack('<d', float('nan')), b'\x81' + struct.pack('<d', float('inf')), b'\x81' + struct.pack('<d', -1e300),
    b'\x81' + struct.pack('<d', 2958465.5), b'\x01-0', b'\x011e17', b'\x019999999999999999999',
]

CSV = [
    '姓名,身份证号码,手机号码,出生日期,所属组织\n张示例,65010219900101123X,13812345678,1990-01-02,克拉玛依市团委\n'.encode(),
    '\ufeff姓名;手机\n"李;示例";"139 0000 0000"\r\n\r\n王示例;\n'.encode(),
    '姓名\t性别\n阿依古丽\t女\n'.encode(), '姓名,备注\n"张""三""",多行\n"第一行\n第二行",x\n'.encode(),
    '姓名\n团支部\n'.encode('gb18030'), b'a\n"open', b'"', b'""', b'a,b\n"x"y,z\n', b',,,\n,,\n', b'\n\n\n',
    b'\xff\xfe\x00a', b'\x81\x30\x81\x30', b'=cmd|\' /C calc\'!A0,+1+1,-2,@SUM(1)\n',
    b'a,b\r\nc,d', b'\xef\xbb\xbf', 'name\n6.50102E+17\n1990年1月2日\n'.encode(),
]

SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b'</sheetData></worksheet>'
SHARED = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>姓名</t></si><si><t>出生日期</t></si><si><r><t>张</t></r><r><t>示例</t></r></si></sst>'.encode()
STYLES = b'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>'


def sheet(rows):
    return SHEET_HEAD + rows + SHEET_TAIL


XLSX_PARTS = [
    sheet(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
          b'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>32874</v></c><c r="C2" s="2"><v>45000.5</v></c></row>') + SEP + SHARED + SEP + STYLES,
    sheet(b'<row><c t="inlineStr"><is><t>\xe5\x9b\xa2</t></is></c><c t="b"><v>1</v></c><c t="str"><v>x</v></c><c><v>650102199001011000</v></c></row>'),
    sheet(b'<row r="1"><c r="XFD1048576"><v>1</v></c><c r="AAAAAAAAAAAAAAAAA1"><v>1</v></c><c r="A-2147483648"><v>1</v></c></row>'),
    sheet(b'<row r="-2147483648"><c><v>1</v></c></row><row r="2147483647"><c><v>1</v></c></row><row><c><v>1</v></c></row>'),
    sheet(b'<row r="1"><c r="A1" s="1"><v>nan</v></c><c r="B1" s="1"><v>inf</v></c><c r="C1" s="1"><v>-1e308</v></c><c r="D1" s="99999999999"><v>1e999</v></c></row>') + SEP + SEP + STYLES,
    sheet(b'<row r="1"><c r="A1" t="s"><v>-1</v></c><c r="B1" t="s"><v>99999999999999999999</v></c></row>') + SEP + SHARED,
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>',
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>',
    sheet(b'<x:row xmlns:x="urn:x"><x:c t="s"><x:v>0</x:v></x:c></x:row>') + SEP + SHARED,
    sheet(b'<row><c') , b'',
]


def whole_xlsx(parts, compression):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', compression) as z:
        z.writestr('[Content_Types].xml', '<Types/>')
        for name, body in parts:
            z.writestr(name, body)
    return buf.getvalue()


def write(target, samples):
    d = os.path.join(HERE, 'corpus', target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for n, s in enumerate(samples, 1):
        with open(os.path.join(d, f'{n:03d}'), 'wb') as f:
            f.write(s)
    print(f'{len(samples)} samples in {d}')


def main():
    write('json_body', JSON)
    write('query', QUERY)
    write('cursor', CURSOR)
    write('router', ROUTER)
    write('token', TOKEN)
    write('accept_language', ACCEPT_LANGUAGE)
    write('cells', CELLS)
    write('csv', CSV)
    xlsx = [(b'\x00' if i % 2 == 0 else b'\x02') + p for i, p in enumerate(XLSX_PARTS)]
    first = XLSX_PARTS[0].split(SEP)
    named = list(zip(['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'], first))
    xlsx.append(b'\x01' + whole_xlsx(named, zipfile.ZIP_DEFLATED))
    xlsx.append(b'\x01' + whole_xlsx(named, zipfile.ZIP_STORED))
    xlsx.append(b'\x01' + whole_xlsx([('xl/sharedStrings.xml', SHARED)], zipfile.ZIP_STORED))  # no sheet
    # A declared size far beyond the entry's bytes (the local and central headers both lie).
    lying = bytearray(whole_xlsx([('xl/worksheets/sheet1.xml', sheet(b''))], zipfile.ZIP_STORED))
    for sig, off in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
        at = lying.find(sig)
        lying[at + off:at + off + 4] = struct.pack('<I', 0xFFFFFFF0)
    xlsx.append(b'\x01' + bytes(lying))
    xlsx.append(b'\x01PK\x03\x04' + b'\x00' * 26)
    write('xlsx', xlsx)


if __name__ == '__main__':
    main()
