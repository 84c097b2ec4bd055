<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>dubao::EditIssueInfoCommand</name>
    <message>
        <source>Edit Issue Details</source>
        <translation>编辑报纸期次信息</translation>
    </message>
</context>
<context>
    <name>dubao::ImportController</name>
    <message>
        <source>Preparing the import…</source>
        <translation>正在准备导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>当前文件完成后将取消…</translation>
    </message>
    <message>
        <source>Importing %1 of %2:
%3</source>
        <translation>正在导入第 %1 个，共 %2 个：
%3</translation>
    </message>
</context>
<context>
    <name>dubao::ImportResultDialog</name>
    <message>
        <source>Import Results</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>The import could not start: %1</source>
        <translation>无法开始导入：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>已在文库中</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Articles: %1</source>
        <translation>%1 篇文章</translation>
    </message>
    <message>
        <source>Issues imported: %1 (articles: %2). Already in the library: %3. Failed: %4.</source>
        <translation>已导入 %1 期（%2 篇文章）。已在文库中：%3。失败：%4。</translation>
    </message>
</context>
<context>
    <name>dubao::IssueDetailsDialog</name>
    <message>
        <source>Date known</source>
        <translation>日期已知</translation>
    </message>
    <message>
        <source>Issue Details</source>
        <translation>期次信息</translation>
    </message>
    <message>
        <source>e.g. 渝西都市报</source>
        <translation>例如：渝西都市报</translation>
    </message>
    <message>
        <source>&amp;Publication:</source>
        <translation>报纸名称(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>The text gives only the month and day (%1-%2); enter the year.</source>
        <translation>原文只给出了月和日（%1-%2），请填写年份。</translation>
    </message>
    <message>
        <source>The text gives no date for this issue.</source>
        <translation>原文没有给出这一期的日期。</translation>
    </message>
    <message>
        <source>The year was inferred from the text; correct it if it is wrong.</source>
        <translation>年份是根据正文推断的；如有误请更正。</translation>
    </message>
</context>
<context>
    <name>dubao::LibrarySession</name>
    <message>
        <source>Cannot create the folder for “%1”.</source>
        <translation>无法为“%1”创建文件夹。</translation>
    </message>
    <message>
        <source>The library “%1” is in use by another running Dubao (process %2 on %3). Close it there, or open another library.</source>
        <translation>文库“%1”正被另一个运行中的 Dubao使用（%3 上的进程 %2）。请先在那里关闭它，或打开其他文库。</translation>
    </message>
    <message>
        <source>Cannot lock the library “%1”: the folder may be read-only.</source>
        <translation>无法锁定文库“%1”：该文件夹可能是只读的。</translation>
    </message>
</context>
<context>
    <name>dubao::LibraryTreeModel</name>
    <message>
        <source>%1-%2, year unknown</source>
        <translation>%1-%2，年份不详</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Unknown publication</source>
        <translation>报纸名称不详</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>issue in the library tree: date, publication</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Year inferred from the text</source>
        <translation>年份根据正文推断</translation>
    </message>
    <message>
        <source>Year unknown: use Issue → Edit Details… to date this issue</source>
        <translation>年份不详：可用“期次 → 编辑信息…”为这一期注明日期</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源文件：%1</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>year in the library tree</comment>
        <translation>%1年</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Issues: %1</source>
        <translation>%1 期</translation>
    </message>
    <message>
        <source>Issues whose year is not known: %1</source>
        <translation>年份不详的期次：%1</translation>
    </message>
</context>
<context>
    <name>dubao::MainWindow</name>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Dubao</source>
        <translation>Dubao</translation>
    </message>
    <message>
        <source>Text size: %1 pt</source>
        <translation>字号：%1 磅</translation>
    </message>
    <message>
        <source>Importing: %1 of %2 files</source>
        <translation>正在导入：%1 / %2 个文件</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>没有打开的文库。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Library…</source>
        <translation>新建文库(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;Library…</source>
        <translation>打开文库(&amp;L)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Original Text</source>
        <translation>显示原文(&amp;O)</translation>
    </message>
    <message>
        <source>Original &amp;Beside the Article</source>
        <translation>原文与正文并排(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Default Text Size</source>
        <translation>默认字号(&amp;D)</translation>
    </message>
    <message>
        <source>Library &amp;Panel</source>
        <translation>文库面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when Dubao is started again.</source>
        <translation>重新启动 Dubao 后将切换语言。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>期次(&amp;I)</translation>
    </message>
    <message>
        <source>Edit &amp;Details…</source>
        <translation>编辑信息(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;Issue</source>
        <translation>下一期(&amp;I)</translation>
    </message>
    <message>
        <source>Previous I&amp;ssue</source>
        <translation>上一期(&amp;S)</translation>
    </message>
    <message>
        <source>Go to &amp;Library</source>
        <translation>转到文库(&amp;L)</translation>
    </message>
    <message>
        <source>Go to &amp;Article Text</source>
        <translation>转到正文(&amp;A)</translation>
    </message>
    <message>
        <source>Switch &amp;Pane</source>
        <translation>切换窗格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Dubao</source>
        <translation>关于 Dubao(&amp;A)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Dubao — %1</source>
        <translation>Dubao — %1</translation>
    </message>
    <message>
        <source>This library is empty.

Import issues with File → Import Files… or File → Import Folder…, or drop files on this window.</source>
        <translation>这个文库还是空的。

请用“文件 → 导入文件…”或“文件 → 导入文件夹…”导入报纸，或把文件拖放到本窗口。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Open or create a library before importing.</source>
        <translation>导入前请先打开或新建一个文库。</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <source>Welcome to Dubao</source>
        <translation>欢迎使用 Dubao</translation>
    </message>
    <message>
        <source>Your library is empty. Import a folder of OCR&apos;d newspaper issues (text files), or start with a sample issue?</source>
        <translation>您的文库还是空的。要导入一个存放 OCR 报纸文本文件的文件夹，还是先从一期示例报纸开始？</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>文库：%1</translation>
    </message>
    <message>
        <source>Import the &amp;Sample Issue</source>
        <translation>导入示例报纸(&amp;S)</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>New Library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <source>Dubao libraries (*.sqlite)</source>
        <translation>Dubao 文库 (*.sqlite)</translation>
    </message>
    <message>
        <source>“%1” already exists; it was opened instead of replaced.</source>
        <translation>“%1”已存在；已将其打开，而不是覆盖。</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>打开文库</translation>
    </message>
    <message>
        <source>Dubao libraries (*.sqlite);;All files (*)</source>
        <translation>Dubao 文库 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>“%1” no longer exists.</source>
        <translation>“%1”已不存在。</translation>
    </message>
    <message>
        <source>No recent libraries</source>
        <translation>没有最近打开的文库</translation>
    </message>
    <message>
        <source>Import Issue Files</source>
        <translation>导入报纸文件</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Folder of Issues</source>
        <translation>导入报纸文件夹</translation>
    </message>
    <message>
        <source>Issue Details</source>
        <translation>期次信息</translation>
    </message>
    <message>
        <source>The issue could not be changed: %1</source>
        <translation>无法修改这一期：%1</translation>
    </message>
    <message>
        <source>%1-%2, year unknown</source>
        <translation>%1-%2，年份不详</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Article %1 of %2</source>
        <translation>第 %1 篇，共 %2 篇</translation>
    </message>
    <message>
        <source>No library</source>
        <translation>无文库</translation>
    </message>
    <message>
        <source>About Dubao</source>
        <translation>关于 Dubao</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dubao %1&lt;/h3&gt;&lt;p&gt;A reader for OCR&apos;d Chinese newspaper issues.&lt;/p&gt;&lt;p&gt;Library: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dubao %1&lt;/h3&gt;&lt;p&gt;阅读经 OCR 识别的中文报纸。&lt;/p&gt;&lt;p&gt;文库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Original Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Issues: %1 · Articles: %2 · %3</source>
        <translation>%1 期 · %2 篇文章 · %3</translation>
    </message>
</context>
<context>
    <name>dubao::ReaderView</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Reporters: %1</source>
        <translation>记者：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Reader for OCR&apos;d Chinese newspaper issues.</source>
        <translation>阅读经 OCR 识别的中文报纸。</translation>
    </message>
    <message>
        <source>Open the library in &lt;file&gt;.</source>
        <translation>打开 &lt;file&gt; 中的文库。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Issue files or folders to import.</source>
        <translation>要导入的报纸文件或文件夹。</translation>
    </message>
    <message>
        <source>[file-or-folder...]</source>
        <translation>[文件或文件夹...]</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>打开文库</translation>
    </message>
</context>
</TS>
