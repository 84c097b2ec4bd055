<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationCommand</name>
    <message>
        <source>“%1” failed: %2</source>
        <translation>“%1”失败：%2</translation>
    </message>
</context>
<context>
    <name>dubao</name>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>not a ZIP archive, or a damaged one</source>
        <translation>不是 ZIP 压缩包，或压缩包已损坏</translation>
    </message>
    <message>
        <source>the ZIP entry %1 cannot be read</source>
        <translation>无法读取 ZIP 条目 %1</translation>
    </message>
    <message>
        <source>the ZIP entry %1 is damaged</source>
        <translation>ZIP 条目 %1 已损坏</translation>
    </message>
    <message>
        <source>the ZIP archive unpacks to more than 1 GiB</source>
        <translation>ZIP 压缩包解压后超过 1 GiB</translation>
    </message>
</context>
<context>
    <name>dubao::ActionRegistry</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>期次(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
</context>
<context>
    <name>dubao::AddHighlightCommand</name>
    <message>
        <source>Add Highlight</source>
        <translation>添加高亮</translation>
    </message>
    <message>
        <source>Add Highlight “%1”</source>
        <translation>添加高亮“%1”</translation>
    </message>
</context>
<context>
    <name>dubao::AddNoteCommand</name>
    <message>
        <source>Add Note</source>
        <translation>添加笔记</translation>
    </message>
</context>
<context>
    <name>dubao::AddNotebookEntryCommand</name>
    <message>
        <source>Add Text to Notebook</source>
        <translation>向笔记本添加文字</translation>
    </message>
    <message>
        <source>Add to Notebook</source>
        <translation>加入笔记本</translation>
    </message>
</context>
<context>
    <name>dubao::AnnotationController</name>
    <message>
        <source>Annotations: %1 stayed, %2 moved, %3 became orphans (%4 orphans re-attached, %5 still orphans).</source>
        <translation>批注：%1 条位置未变，%2 条已移位，%3 条成为孤立批注（%4 条孤立批注已重新关联，%5 条仍为孤立批注）。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Orphans</source>
        <translation>孤立批注</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Tag Note</source>
        <translation>为笔记加标签</translation>
    </message>
    <message>
        <source>Add to &amp;Notebook</source>
        <translation>加入笔记本(&amp;N)</translation>
    </message>
    <message>
        <source>Remove Highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>删除笔记</translation>
    </message>
    <message>
        <source>&amp;Highlight with Last Tag</source>
        <translation>用上次的标签高亮(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight with &amp;Tag</source>
        <translation>用标签高亮(&amp;T)</translation>
    </message>
    <message>
        <source>Tag &amp;Palette…</source>
        <translation>标签面板(&amp;P)…</translation>
    </message>
    <message>
        <source>Tag &amp;Paragraph…</source>
        <translation>为段落加标签(&amp;P)…</translation>
    </message>
    <message>
        <source>Tag &amp;Article…</source>
        <translation>为文章加标签(&amp;A)…</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>添加笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Remove Highlight</source>
        <translation>删除高亮(&amp;R)</translation>
    </message>
    <message>
        <source>Add Highlight to Note&amp;book</source>
        <translation>将高亮加入笔记本(&amp;B)</translation>
    </message>
    <message>
        <source>Put the cursor in a highlight first</source>
        <translation>请先将光标置于高亮之中</translation>
    </message>
    <message>
        <source>New Ta&amp;g…</source>
        <translation>新建标签(&amp;G)…</translation>
    </message>
    <message>
        <source>New Notebook…</source>
        <translation>新建笔记本…</translation>
    </message>
    <message>
        <source>Re-attach Orphan to Selection</source>
        <translation>将孤立批注重新关联到选区</translation>
    </message>
    <message>
        <source>Re-attach</source>
        <translation>重新关联</translation>
    </message>
    <message>
        <source>Choose an orphan in the Orphans panel first.</source>
        <translation>请先在“孤立批注”面板中选择一条孤立批注。</translation>
    </message>
    <message>
        <source>&amp;Annotation Panels</source>
        <translation>批注面板(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Replace with Corrected File…</source>
        <translation>用更正后的文件替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Re-&amp;parse All Issues…</source>
        <translation>重新解析所有期次(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Delete Issue…</source>
        <translation>删除这一期(&amp;D)…</translation>
    </message>
    <message>
        <source>New Tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>Highlight with Tag</source>
        <translation>用标签高亮</translation>
    </message>
    <message>
        <source>New Notebook</source>
        <translation>新建笔记本</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Add to New Notebook</source>
        <translation>加入新笔记本</translation>
    </message>
    <message>
        <source>Highlight with “%1”</source>
        <translation>用“%1”高亮</translation>
    </message>
    <message>
        <source>Highlight without Tag</source>
        <translation>高亮（不加标签）</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <source>Highlight “%1”</source>
        <translation>高亮“%1”</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Tag Highlight</source>
        <translation>为高亮加标签</translation>
    </message>
    <message>
        <source>Add Note to Highlight…</source>
        <translation>为高亮添加笔记…</translation>
    </message>
    <message>
        <source>Add to Notebook</source>
        <translation>加入笔记本</translation>
    </message>
    <message>
        <source>Tag Paragraph…</source>
        <translation>为段落加标签…</translation>
    </message>
    <message>
        <source>Untag Paragraph</source>
        <translation>移除段落标签</translation>
    </message>
    <message>
        <source>Add Note to Paragraph…</source>
        <translation>为段落添加笔记…</translation>
    </message>
    <message>
        <source>Tag Article…</source>
        <translation>为文章加标签…</translation>
    </message>
    <message>
        <source>Untag Article</source>
        <translation>移除文章标签</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Select some text of the article first.</source>
        <translation>请先选中文章中的一段文字。</translation>
    </message>
    <message>
        <source>Add Highlight</source>
        <translation>添加高亮</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <source>Added to the notebook.</source>
        <translation>已加入笔记本。</translation>
    </message>
    <message>
        <source>Select the highlight&apos;s new place (within one paragraph) in the reader.</source>
        <translation>请在阅读区选中高亮的新位置（须在同一段落内）。</translation>
    </message>
    <message>
        <source>Put the cursor in the note&apos;s new paragraph in the reader.</source>
        <translation>请在阅读区将光标置于笔记要关联的新段落中。</translation>
    </message>
    <message>
        <source>Highlight the selection with</source>
        <translation>用标签高亮选区</translation>
    </message>
    <message>
        <source>Tag the highlight with</source>
        <translation>为高亮加标签</translation>
    </message>
    <message>
        <source>Tag the paragraph with</source>
        <translation>为段落加标签</translation>
    </message>
    <message>
        <source>Tag the article with</source>
        <translation>为文章加标签</translation>
    </message>
    <message>
        <source>Note (Markdown):</source>
        <translation>笔记（Markdown）：</translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Name (parent/child makes it inside an existing tag):</source>
        <translation>名称（写成“父标签/子标签”可建在已有标签之下）：</translation>
    </message>
    <message>
        <source>There is no tag “%1”.</source>
        <translation>没有名为“%1”的标签。</translation>
    </message>
    <message>
        <source>Replace with Corrected File</source>
        <translation>用更正后的文件替换</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Replace this issue&apos;s text with “%1”?

Its %n annotation(s) will be re-anchored in the new text; those that cannot be placed become orphans (kept in the Orphans panel).

This cannot be undone, and it clears the undo history.</source>
        <translation>
            <numerusform>要用“%1”替换这一期的正文吗？

它的 %n 条批注将在新正文中重新定位；无法定位的将成为孤立批注（保留在“孤立批注”面板中）。

此操作无法撤销，并会清空撤销记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>The issue was not changed: %1</source>
        <translation>这一期未被修改：%1</translation>
    </message>
    <message>
        <source>The issue&apos;s text was replaced.</source>
        <translation>这一期的正文已替换。</translation>
    </message>
    <message>
        <source>Re-parse All Issues</source>
        <translation>重新解析所有期次</translation>
    </message>
    <message>
        <source>Re-parse every issue with the current parser and re-anchor all annotations?

Annotations that cannot be placed become orphans. This cannot be undone, and it clears the undo history.</source>
        <translation>要用当前的解析器重新解析每一期，并重新定位所有批注吗？

无法定位的批注将成为孤立批注。此操作无法撤销，并会清空撤销记录。</translation>
    </message>
    <message>
        <source>Re-parsing issues…</source>
        <translation>正在重新解析期次…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s) re-parsed.</source>
        <translation>
            <numerusform>已重新解析 %n 期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled before the end.</source>
        <translation>未完成即已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s) left as they were.</source>
        <translation>
            <numerusform>%n 期保持原样。</numerusform>
        </translation>
    </message>
    <message>
        <source>It has no annotations.</source>
        <translation>这一期没有批注。</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) go with it: %1 highlights, %2 notes, %3 paragraph tags, %4 article tags (and %5 notebook entries showing them).</source>
        <translation>
            <numerusform>其 %n 条批注将一并删除：%1 处高亮、%2 条笔记、%3 个段落标签、%4 个文章标签（以及展示它们的 %5 个笔记本条目）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Issue</source>
        <translation>删除期次</translation>
    </message>
    <message>
        <source>Delete this issue from the library?

%1

This cannot be undone.</source>
        <translation>要从文库中删除这一期吗？

%1

此操作无法撤销。</translation>
    </message>
    <message>
        <source>The issue was not deleted: %1</source>
        <translation>这一期未被删除：%1</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>编辑笔记(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>dubao::AnnotationDocument</name>
    <message>
        <source>Correct “%1”</source>
        <translation>更正“%1”</translation>
    </message>
    <message>
        <source>Join Paragraphs</source>
        <translation>合并段落</translation>
    </message>
    <message>
        <source>Split Paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <source>Set Paragraph Kind</source>
        <translation>设置段落类型</translation>
    </message>
    <message>
        <source>Remove Correction</source>
        <translation>删除更正</translation>
    </message>
</context>
<context>
    <name>dubao::AnnotationsPanel</name>
    <message>
        <source>With child tags</source>
        <translation>包括子标签</translation>
    </message>
    <message>
        <source>This article only</source>
        <translation>仅限本文</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Filter by text…</source>
        <translation>按文字筛选…</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Show in Reader</source>
        <translation>在阅读区中显示</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条批注</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the annotations this filter shows</source>
        <translation>导出当前筛选显示的批注</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Made by %1, last changed by %2</source>
        <translation>由 %1 创建，%2 最后修改</translation>
    </message>
    <message>
        <source>Show only what this person highlighted or noted</source>
        <translation>只显示此人所做的高亮或笔记</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>所有作者</translation>
    </message>
</context>
<context>
    <name>dubao::AppearanceListModel</name>
    <message>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
</context>
<context>
    <name>dubao::AttachAnnotationCommand</name>
    <message>
        <source>Re-attach Highlight</source>
        <translation>重新关联高亮</translation>
    </message>
    <message>
        <source>Re-attach Note</source>
        <translation>重新关联笔记</translation>
    </message>
</context>
<context>
    <name>dubao::BackupRestorer</name>
    <message>
        <source>%1: cannot parse the issue&apos;s original bytes (%2); not restored</source>
        <translation>%1：无法解析该期的原始内容（%2）；未恢复</translation>
    </message>
    <message>
        <source>not a team library</source>
        <translation>不是团队文库</translation>
    </message>
    <message>
        <source>a backup is restored only into an empty team library; this one holds %1 rows</source>
        <translation>备份只能还原到空的团队文库；此文库已有 %1 行</translation>
    </message>
    <message>
        <source>cannot make a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
</context>
<context>
    <name>dubao::CalendarView</name>
    <message>
        <source>Filled: an issue · outlined with ?: its year was inferred · orange: no issue (a gap) · click a day to read its issue</source>
        <translation>实心：有一期 · 带 ? 的空心：年份为推断 · 橙色：无期次（缺口） · 单击日期阅读该期</translation>
    </message>
    <message>
        <source>(no publication named)</source>
        <translation>（未注明报纸）</translation>
    </message>
    <message>
        <source>The library has no issues.</source>
        <translation>文库中没有期次。</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n date(s) without an issue</source>
        <translation>
            <numerusform>%n 个日期无期次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n date(s) inferred</source>
        <translation>
            <numerusform>%n 个日期为推断</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s) without a year (not shown)</source>
        <translation>
            <numerusform>%n 期无年份（未显示）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dubao::CheckDialog</name>
    <message>
        <source>Check Library</source>
        <translation>检查文库</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>修复(&amp;R)</translation>
    </message>
    <message>
        <source>Rebuilds the search index and lists annotations that lost their place as orphans. Nothing is deleted.</source>
        <translation>重建搜索索引，并把失去位置的批注列为孤立批注。不会删除任何内容。</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>The library is healthy.</source>
        <translation>文库状态良好。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>To repair:</source>
        <translation>修复方法：</translation>
    </message>
    <message>
        <source>click Repair below (nothing is deleted).</source>
        <translation>点击下方的“修复”（不会删除任何内容）。</translation>
    </message>
    <message>
        <source>Repairing… (the search index is rebuilt: this can take a minute)</source>
        <translation>正在修复……（要重建搜索索引，可能需要一分钟）</translation>
    </message>
    <message>
        <source>&amp;Full check (reads every page and the search index; minutes for a large library)</source>
        <translation>完整检查（读取每一页和搜索索引；大型文库需数分钟）(&amp;F)</translation>
    </message>
    <message>
        <source>The quick check reads every page of what no restore could make again: the issues, their original bytes and your work. The full check also reads the paragraphs, the articles and the search and people indexes, which a restore rebuilds.</source>
        <translation>快速检查读取任何恢复都无法重建的内容的每一页：各期、其原始字节和您的工作。完整检查还读取段落、文章以及搜索和人物索引，这些可由恢复重建。</translation>
    </message>
    <message>
        <source>&amp;Stop Check</source>
        <translation>停止检查(&amp;S)</translation>
    </message>
    <message>
        <source>Checking every page…</source>
        <translation>正在检查每一页…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checking %1 (step %2 of %3)…</source>
        <translation>正在检查 %1（第 %2 步，共 %3 步）…</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing was changed.</source>
        <translation>检查已取消；未作任何更改。</translation>
    </message>
</context>
<context>
    <name>dubao::ComparisonView</name>
    <message>
        <source>%1 characters shared: %2% of the left article (%3), %4% of the right (%5). Changes are those of the later copy (%6) against the earlier (%7).</source>
        <translation>共有 %1 字：占左侧文章（%3）的 %2%，右侧（%5）的 %4%。所标改动是较晚的一份（%6）相对较早的一份（%7）所作。</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共有</translation>
    </message>
    <message>
        <source>Reworded</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Inserted by the later copy</source>
        <translation>较晚一份加入</translation>
    </message>
    <message>
        <source>Cut from the earlier copy</source>
        <translation>较早一份被删</translation>
    </message>
    <message>
        <source>&amp;Save as HTML…</source>
        <translation>另存为 HTML(&amp;S)…</translation>
    </message>
    <message>
        <source>Save both sides with their marks as a web page, to print or to archive</source>
        <translation>将两侧文本连同标记保存为网页，便于打印或存档</translation>
    </message>
    <message>
        <source>Compare: %1 — %2</source>
        <translation>对照：%1 — %2</translation>
    </message>
    <message>
        <source>Save Comparison</source>
        <translation>保存对照</translation>
    </message>
    <message>
        <source>comparison-%1.html</source>
        <translation>对照-%1.html</translation>
    </message>
    <message>
        <source>HTML pages (*.html *.htm)</source>
        <translation>HTML 网页 (*.html *.htm)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save both sides with their marks as A4 pages in two columns, to print or to cite</source>
        <translation>将两侧文本连同标记保存为双栏 A4 页面，便于打印或引用</translation>
    </message>
    <message>
        <source>comparison-%1.pdf</source>
        <translation>对照-%1.pdf</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>dubao::Concordance</name>
    <message>
        <source>Type a word or a phrase.</source>
        <translation>请输入一个词或短语。</translation>
    </message>
    <message>
        <source>Nothing to search for in “%1”: it has no characters, letters or digits.</source>
        <translation>“%1”中没有可搜索的内容：它不含汉字、字母或数字。</translation>
    </message>
    <message>
        <source>Use own:yes or own:no.</source>
        <translation>请使用 own:yes 或 own:no。</translation>
    </message>
    <message>
        <source>own: needs the text-reuse index, which this library does not have yet; build it with Tools → Build Reuse Index or dubao-cli reuse --rebuild</source>
        <translation>own: 需要文本复用索引，但此资料库尚未建立；请通过“工具 → 建立文本复用索引”或 dubao-cli reuse --rebuild 建立</translation>
    </message>
</context>
<context>
    <name>dubao::ConcordanceModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Left context</source>
        <translation>左侧语境</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Right context</source>
        <translation>右侧语境</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>dubao::ConcordanceView</name>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Term (a word or phrase)</source>
        <translation>关键词（词或短语）</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>Characters of context on each side</source>
        <translation>两侧各显示的语境字数</translation>
    </message>
    <message>
        <source>Type a word or phrase to see every occurrence in context.</source>
        <translation>输入一个词或短语，查看它每次出现时的上下文。</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>没有打开的文库。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No occurrences</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1 occurrences in %2 paragraphs</source>
        <translation>在 %2 个段落中出现 %1 次</translation>
    </message>
    <message>
        <source>only the first %1 (oldest) are listed</source>
        <translation>仅列出最早的 %1 条</translation>
    </message>
    <message>
        <source>concordance-%1.csv</source>
        <translation>关键词语境-%1.csv</translation>
    </message>
    <message>
        <source>Export Concordance</source>
        <translation>导出关键词语境</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>dubao::CorrectionController</name>
    <message>
        <source>Correct the OCR</source>
        <translation>更正 OCR 文本</translation>
    </message>
    <message>
        <source>The OCR reads: %1</source>
        <translation>OCR 原文：%1</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>joined with the next paragraph</source>
        <translation>已与下一段合并</translation>
    </message>
    <message>
        <source>split in two</source>
        <translation>已拆分为两段</translation>
    </message>
    <message>
        <source>marked as %1</source>
        <translation>已标记为%1</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;orrections</source>
        <translation>更正列表(&amp;O)</translation>
    </message>
    <message>
        <source>Select the text to correct inside one paragraph first.</source>
        <translation>请先在一个段落内选中要更正的文字。</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Remove Correction</source>
        <translation>删除更正</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Corrected on %1</source>
        <translation>更正于 %1</translation>
    </message>
    <message>
        <source>Corrected by %1 on %2</source>
        <translation>%1 更正于 %2</translation>
    </message>
    <message>
        <source>%1. The OCR read: %2</source>
        <translation>%1。OCR 原文：%2</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>OCR text</source>
        <translation>OCR 文本</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>orphan (%1)</source>
        <translation>孤立（%1）</translation>
    </message>
    <message>
        <source>%1: joined with the next paragraph. The OCR had two paragraphs here:
%2
%3</source>
        <translation>%1：已与下一段合并。OCR 此处原为两段：
%2
%3</translation>
    </message>
    <message>
        <source>%1: split here. The OCR had one paragraph:
%2%3</source>
        <translation>%1：在此拆分。OCR 原为一段：
%2%3</translation>
    </message>
    <message>
        <source>%1: marked as %2.</source>
        <translation>%1：已标为%2。</translation>
    </message>
    <message>
        <source>&amp;Join with Next Paragraph</source>
        <translation>与下一段合并(&amp;J)</translation>
    </message>
    <message>
        <source>S&amp;plit Paragraph at Cursor</source>
        <translation>在光标处拆分段落(&amp;P)</translation>
    </message>
    <message>
        <source>Mark Paragraph as &amp;Heading</source>
        <translation>将段落标为标题(&amp;H)</translation>
    </message>
    <message>
        <source>Mark Paragraph as C&amp;aption</source>
        <translation>将段落标为图片说明(&amp;A)</translation>
    </message>
    <message>
        <source>Mark Paragraph as &amp;Body Text</source>
        <translation>将段落标为正文(&amp;B)</translation>
    </message>
</context>
<context>
    <name>dubao::Corrector</name>
    <message>
        <source>no paragraph with id %1</source>
        <translation>没有 id 为 %1 的段落</translation>
    </message>
    <message>
        <source>paragraph %1 is not what its issue&apos;s text gives; re-parse the issue first</source>
        <translation>段落 %1 与该期文本的解析结果不符；请先重新解析该期</translation>
    </message>
    <message>
        <source>the correction cannot be applied to the issue&apos;s text</source>
        <translation>该更正无法应用到该期文本</translation>
    </message>
    <message>
        <source>the library is read-only</source>
        <translation>文库为只读</translation>
    </message>
    <message>
        <source>a correction cannot hold a line break or a control character (split the paragraph instead)</source>
        <translation>更正不能包含换行符或控制字符（请改为拆分段落）</translation>
    </message>
    <message>
        <source>%1–%2 is not a span of paragraph %3 (it has %4 characters)</source>
        <translation>%1–%2 不是段落 %3 中的范围（该段共 %4 个字符）</translation>
    </message>
    <message>
        <source>the correction is what the paragraph already says</source>
        <translation>更正内容与段落现有文字相同</translation>
    </message>
    <message>
        <source>the span overlaps correction %1; take that one back first</source>
        <translation>该范围与更正 %1 重叠；请先撤回那一处</translation>
    </message>
    <message>
        <source>the span crosses a paragraph&apos;s split or join; correct each part on its own</source>
        <translation>该范围跨越段落的拆分或合并处；请分别更正各部分</translation>
    </message>
    <message>
        <source>paragraph %1 is its article&apos;s last: there is no next paragraph to join</source>
        <translation>段落 %1 是文章最后一段：没有可合并的下一段</translation>
    </message>
    <message>
        <source>paragraph %1 ends where a correction split it; take that split back instead</source>
        <translation>段落 %1 止于一处更正拆分的位置；请改为撤回该拆分</translation>
    </message>
    <message>
        <source>a paragraph is split inside it: between 1 and %1</source>
        <translation>段落只能在其内部拆分：位置须在 1 到 %1 之间</translation>
    </message>
    <message>
        <source>the place is inside a correction; split before or after it</source>
        <translation>该位置在一处更正之内；请在其前或其后拆分</translation>
    </message>
    <message>
        <source>the paragraph was joined there; take that join back instead</source>
        <translation>段落在此处是合并而来；请改为撤回该合并</translation>
    </message>
    <message>
        <source>paragraph %1 is already a %2</source>
        <translation>段落 %1 已是%2</translation>
    </message>
</context>
<context>
    <name>dubao::CreateNotebookCommand</name>
    <message>
        <source>Create Notebook “%1”</source>
        <translation>新建笔记本“%1”</translation>
    </message>
</context>
<context>
    <name>dubao::CreateTagCommand</name>
    <message>
        <source>Create Tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
</context>
<context>
    <name>dubao::DeleteNotebookCommand</name>
    <message>
        <source>Delete Notebook</source>
        <translation>删除笔记本</translation>
    </message>
</context>
<context>
    <name>dubao::DeleteTagCommand</name>
    <message>
        <source>Delete Tag “%1”</source>
        <translation>删除标签“%1”</translation>
    </message>
</context>
<context>
    <name>dubao::EditIssueInfoCommand</name>
    <message>
        <source>Edit Issue Details</source>
        <translation>编辑报纸期次信息</translation>
    </message>
</context>
<context>
    <name>dubao::EditNoteCommand</name>
    <message>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
</context>
<context>
    <name>dubao::EditNotebookTextCommand</name>
    <message>
        <source>Edit Notebook Text</source>
        <translation>编辑笔记本文字</translation>
    </message>
    <message>
        <source>someone else removed this entry from its notebook since</source>
        <translation>此后已有他人把这条内容从笔记本中移除</translation>
    </message>
    <message>
        <source>this notebook text was changed by %1 since; it is kept as they wrote it</source>
        <translation>此后 %1 修改了这段笔记本文字；保留其所写内容</translation>
    </message>
</context>
<context>
    <name>dubao::EditTagCommand</name>
    <message>
        <source>Rename Tag “%1”</source>
        <translation>重命名标签“%1”</translation>
    </message>
    <message>
        <source>Recolour Tag “%1”</source>
        <translation>更改标签“%1”的颜色</translation>
    </message>
    <message>
        <source>Move Tag “%1”</source>
        <translation>移动标签“%1”</translation>
    </message>
</context>
<context>
    <name>dubao::ExcerptCollector</name>
    <message>
        <source>tags %1 (%2)</source>
        <translation>标签 %1（%2）</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>全部符合</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>任一符合</translation>
    </message>
    <message>
        <source>There is no notebook with id %1.</source>
        <translation>没有编号为 %1 的笔记本。</translation>
    </message>
    <message>
        <source>Dubao excerpts</source>
        <translation>Dubao 摘录</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>搜索已取消。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>作者 %1</translation>
    </message>
</context>
<context>
    <name>dubao::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>&amp;Excerpts</source>
        <translation>摘录(&amp;E)</translation>
    </message>
    <message>
        <source>A &amp;notebook:</source>
        <translation>笔记本(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Any of the checked tags</source>
        <translation>含任一选中的标签</translation>
    </message>
    <message>
        <source>All of the checked tags</source>
        <translation>含全部选中的标签</translation>
    </message>
    <message>
        <source>Include child tags</source>
        <translation>包括子标签</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Issue &amp;dates:</source>
        <translation>出版日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Publication:</source>
        <translation>报纸名称(&amp;P)：</translation>
    </message>
    <message>
        <source>Only excerpts in paragraphs this search finds</source>
        <translation>仅限该搜索找到的段落中的摘录</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Not grouped</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>按标签</translation>
    </message>
    <message>
        <source>By issue date</source>
        <translation>按出版日期</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>Attach each excerpt as a note</source>
        <translation>将每条摘录作为笔记附加</translation>
    </message>
    <message>
        <source>Preview of the first entries</source>
        <translation>前几条预览</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>另存为(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Any publication</source>
        <translation>所有报纸</translation>
    </message>
    <message>
        <source>Dubao excerpts</source>
        <translation>Dubao 摘录</translation>
    </message>
    <message>
        <source>Nothing matches this selection.</source>
        <translation>没有符合所选条件的内容。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n entries.</source>
        <translation>
            <numerusform>前 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>已将 %n 条导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Give each citation its dubao:// link</source>
        <translation>为每条引文附上 dubao:// 链接</translation>
    </message>
    <message>
        <source>A private link that opens the article in Dubao; off, the citation has no URL.</source>
        <translation>仅在读报中打开该文章的私有链接；关闭时引文不带网址。</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2 is a file, not a folder. Choose another place with Browse….</source>
        <translation>无法导出到 %1：%2 是文件而不是文件夹。请用“浏览…”另选位置。</translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder %2 does not exist and could not be created (check that you may write there). Choose another place with Browse….</source>
        <translation>无法导出到 %1：文件夹 %2 不存在且无法创建（请检查是否有写入权限）。请用“浏览…”另选位置。</translation>
    </message>
    <message>
        <source>Page 1 of the PDF (A4) as it will be written, with the first entries.</source>
        <translation>PDF（A4）的第 1 页，按导出时的样子排版，含前几条摘录。</translation>
    </message>
    <message>
        <source>What a QDA program will find in the project, for the first entries.</source>
        <translation>QDA 软件在该项目中将读到的内容（前几条摘录）。</translation>
    </message>
    <message>
        <source>The outline of the %1 document, for the first entries: its headings (the navigator) and what each holds.</source>
        <translation>%1 文档的大纲（前几条摘录）：各级标题（导航器中可见）及其下的内容。</translation>
    </message>
    <message>
        <source>Only what this person highlighted, noted or tagged</source>
        <translation>只含此人所做的高亮、笔记或标签</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>作者(&amp;U)：</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>所有作者</translation>
    </message>
</context>
<context>
    <name>dubao::ExportFormat</name>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>HTML, one file for reading and printing (.html)</source>
        <translation>HTML，便于阅读和打印的单个文件 (.html)</translation>
    </message>
    <message>
        <source>CSV spreadsheet, UTF-8 (.csv)</source>
        <translation>CSV 电子表格，UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <source>Citations: CSL-JSON for Zotero and others (.json)</source>
        <translation>引文：CSL-JSON，适用于 Zotero 等 (.json)</translation>
    </message>
    <message>
        <source>Citations: RIS (.ris)</source>
        <translation>引文：RIS (.ris)</translation>
    </message>
    <message>
        <source>W3C Web Annotations, JSON-LD (.jsonld)</source>
        <translation>W3C Web 批注，JSON-LD (.jsonld)</translation>
    </message>
    <message>
        <source>OpenDocument Text (.odt)</source>
        <translation>OpenDocument 文本 (.odt)</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF (.pdf)</translation>
    </message>
    <message>
        <source>REFI-QDA project for QDA software (.qdpx)</source>
        <translation>供质性分析软件使用的 REFI-QDA 项目（.qdpx）</translation>
    </message>
</context>
<context>
    <name>dubao::ExportJob</name>
    <message>
        <source>Unknown export format.</source>
        <translation>未知的导出格式。</translation>
    </message>
</context>
<context>
    <name>dubao::ExportPart</name>
    <message>
        <source>Read the codes, coded passages and notes of a .qdpx project (NVivo, ATLAS.ti, MAXQDA, QualCoder) onto the articles it quotes</source>
        <translation>把 .qdpx 项目（NVivo、ATLAS.ti、MAXQDA、QualCoder）中的代码、已编码段落和笔记读入其引用的文章</translation>
    </message>
    <message>
        <source>Import Annotations from REFI-QDA</source>
        <translation>从 REFI-QDA 导入标注</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx);;All files (*)</source>
        <translation>REFI-QDA 项目 (*.qdpx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Found %1 of the %2 articles in this library.</source>
        <translation>在本文库中找到 %2 篇文章中的 %1 篇。</translation>
    </message>
    <message>
        <source>new tags: %1</source>
        <translation>新标签：%1</translation>
    </message>
    <message>
        <source>highlights: %1</source>
        <translation>高亮：%1</translation>
    </message>
    <message>
        <source>tagged paragraphs: %1</source>
        <translation>已加标签的段落：%1</translation>
    </message>
    <message>
        <source>tagged articles: %1</source>
        <translation>已加标签的文章：%1</translation>
    </message>
    <message>
        <source>notes: %1</source>
        <translation>笔记：%1</translation>
    </message>
    <message>
        <source>Nothing new was added.</source>
        <translation>没有添加新内容。</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>已添加：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Already in the library: %1.</source>
        <translation>文库中已有：%1。</translation>
    </message>
    <message>
        <source>Left out, outside their article&apos;s text: %1.</source>
        <translation>超出文章正文范围而未导入：%1。</translation>
    </message>
    <message>
        <source>Not found in this library (import those issues first):</source>
        <translation>本文库中未找到（请先导入这些期次）：</translation>
    </message>
    <message>
        <source>  … and %1 more</source>
        <translation>  …… 另有 %1 篇</translation>
    </message>
    <message>
        <source>Reading the annotations of “%1”…</source>
        <translation>正在读取“%1”中的标注…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling: undoing what was read…</source>
        <translation>正在取消：撤销已读取的内容…</translation>
    </message>
    <message>
        <source>Placing the annotations of article %1 of %2…</source>
        <translation>正在放置第 %1 篇（共 %2 篇）文章的标注…</translation>
    </message>
    <message>
        <source>“%1” was not imported; the library is unchanged.
%2</source>
        <translation>“%1”未导入，文库没有任何改动。
%2</translation>
    </message>
    <message>
        <source>Import &amp;Annotations from REFI-QDA…</source>
        <translation>从 REFI-QDA 导入标注(&amp;A)…</translation>
    </message>
    <message>
        <source>Recorded as yours (a team library records who imports): the work of %1.</source>
        <translation>已记为你的工作（团队文库记录导入者）：原为 %1 的工作。</translation>
    </message>
</context>
<context>
    <name>dubao::ExportPreview</name>
    <message>
        <source>Heading %1 · %2</source>
        <translation>%1 级标题 · %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Note: </source>
        <translation>笔记：</translation>
    </message>
    <message numerus="yes">
        <source>Code book: %n code(s)</source>
        <translation>
            <numerusform>编码本：%n 个编码</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Text sources: %n article(s)</source>
        <translation>
            <numerusform>文本来源：%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Coded selections: %1, codings: %2</source>
        <translation>已编码片段：%1，编码：%2</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>笔记：%1</translation>
    </message>
</context>
<context>
    <name>dubao::ExportWriter</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>未给出文件名</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
</context>
<context>
    <name>dubao::FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 处匹配</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 处匹配</translation>
    </message>
</context>
<context>
    <name>dubao::Import</name>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>cannot read folder</source>
        <translation>无法读取文件夹</translation>
    </message>
    <message>
        <source>cannot read file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>the library is not open</source>
        <translation>文库未打开</translation>
    </message>
    <message>
        <source>the library is read-only</source>
        <translation>文库为只读</translation>
    </message>
    <message>
        <source>cannot parse</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <source>no articles found</source>
        <translation>未找到文章</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>file too large (%1 MB; the limit is %2 MB)</source>
        <translation>文件太大（%1 MB；上限为 %2 MB）</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>not a text file: contains control characters</source>
        <translation>不是文本文件：含有控制字符</translation>
    </message>
    <message>
        <source>invalid %1: the file has an odd number of bytes</source>
        <translation>无效的 %1：文件的字节数为奇数</translation>
    </message>
    <message>
        <source>invalid %1 at byte %2</source>
        <translation>无效的 %1（第 %2 字节处）</translation>
    </message>
    <message>
        <source>implausible %1</source>
        <translation>不可信的 %1 编码</translation>
    </message>
    <message>
        <source>not a text file: contains NUL bytes</source>
        <translation>不是文本文件：含有 NUL 字节</translation>
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
    <name>dubao::ImportQdpxCommand</name>
    <message>
        <source>Import Annotations from “%1”</source>
        <translation>从“%1”导入标注</translation>
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
    <message>
        <source>The year is uncertain: the evidence points at %1 and also at %2. Check it and correct it if it is wrong.</source>
        <translation>年份不确定：证据指向 %1，也指向 %2。请核对，如有错误请更正。</translation>
    </message>
    <message>
        <source>What the year was worked out from:</source>
        <translation>年份的推断依据：</translation>
    </message>
    <message>
        <source>The issue prints its date: %1</source>
        <translation>本期印有日期：%1</translation>
    </message>
    <message>
        <source>The issue prints the weekday: %1</source>
        <translation>本期印有星期：%1</translation>
    </message>
    <message>
        <source>The latest year the text names: %1 (“%2”)</source>
        <translation>正文提到的最晚年份：%1（“%2”）</translation>
    </message>
    <message>
        <source>A review of the past year early in the year (“%1”) points at %2</source>
        <translation>年初对上一年的回顾（“%1”）指向 %2</translation>
    </message>
    <message>
        <source>A range of coming years named late in the year (“%1”) points at %2</source>
        <translation>年末提到的未来年份范围（“%1”）指向 %2</translation>
    </message>
    <message>
        <source>“%1” is used in %2 only</source>
        <translation>“%1”仅用于 %2 年</translation>
    </message>
    <message>
        <source>“%1” is used in %2–%3</source>
        <translation>“%1”用于 %2–%3 年</translation>
    </message>
    <message>
        <source>The file’s name or folder carries a date (“%1”): %2</source>
        <translation>文件名或文件夹带有日期（“%1”）：%2</translation>
    </message>
    <message>
        <source>You set the year: %1</source>
        <translation>您设定的年份：%1</translation>
    </message>
    <message>
        <source>The issues imported beside it print their dates (%1): %2</source>
        <translation>与其一同导入的相邻各期印有日期（%1）：%2</translation>
    </message>
    <message>
        <source>The year is &amp;right: I checked it</source>
        <translation>年份无误：我已核对(&amp;R)</translation>
    </message>
    <message>
        <source>The year stops being marked as inferred or uncertain, and a re-parse keeps it</source>
        <translation>年份不再标为推断或不确定，重新解析后仍保留</translation>
    </message>
</context>
<context>
    <name>dubao::IssueReplacer</name>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>the library is read-only</source>
        <translation>文库为只读</translation>
    </message>
    <message>
        <source>no issue with id %1</source>
        <translation>没有编号为 %1 的期次</translation>
    </message>
    <message>
        <source>%1 is already in the library as issue %2</source>
        <translation>%1 已作为期次 %2 存在于文库中</translation>
    </message>
    <message>
        <source>issue %1: the original text is not stored and %2 is missing or changed</source>
        <translation>期次 %1：文库中没有保存原文，而 %2 已不存在或已改动</translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation>无法开始事务</translation>
    </message>
</context>
<context>
    <name>dubao::LibraryCheck</name>
    <message>
        <source>Restore the newest good backup (File → Restore from Backup…, or dubao-cli restore FILE); the backups are in the folder beside the library whose name ends in &quot;.backups&quot;.</source>
        <translation>恢复最近一份完好的备份（文件 → 从备份恢复…，或 dubao-cli restore FILE）；备份在文库旁边名称以“.backups”结尾的文件夹中。</translation>
    </message>
    <message>
        <source>The library file is damaged (SQLite integrity check: %1).</source>
        <translation>文库文件已损坏（SQLite 完整性检查：%1）。</translation>
    </message>
    <message>
        <source>%1 rows point to rows that no longer exist (%2).</source>
        <translation>%1 行指向已不存在的行（%2）。</translation>
    </message>
    <message>
        <source>%1 paragraphs belong to no article.</source>
        <translation>%1 个段落不属于任何文章。</translation>
    </message>
    <message>
        <source>%1 articles belong to no issue.</source>
        <translation>%1 篇文章不属于任何期次。</translation>
    </message>
    <message>
        <source>%1 highlights no longer match the text of their paragraph (ids %2).</source>
        <translation>%1 处高亮与其所在段落的文字不再相符（编号 %2）。</translation>
    </message>
    <message>
        <source>Run dubao-cli check --repair to list them as orphans (nothing is deleted; reattach them from the orphans list).</source>
        <translation>运行 dubao-cli check --repair 将它们列为孤立批注（不会删除任何内容；可在孤立批注列表中重新关联）。</translation>
    </message>
    <message>
        <source>%1 notes are not on the paragraph of their highlight (ids %2).</source>
        <translation>%1 条笔记不在其高亮所在的段落上（编号 %2）。</translation>
    </message>
    <message>
        <source>Run dubao-cli check --repair to list them as orphans (nothing is deleted).</source>
        <translation>运行 dubao-cli check --repair 将它们列为孤立批注（不会删除任何内容）。</translation>
    </message>
    <message>
        <source>%1 notebook entries show a highlight, note or notebook that no longer exists.</source>
        <translation>%1 个笔记本条目所展示的高亮、笔记或笔记本已不存在。</translation>
    </message>
    <message>
        <source>%1 tags are their own ancestors (a cycle in the tag tree).</source>
        <translation>%1 个标签是自己的上级（标签树中有循环）。</translation>
    </message>
    <message>
        <source>Move one of them to the top level (dubao-cli tag move TAG /).</source>
        <translation>将其中一个移到顶层（dubao-cli tag move TAG /）。</translation>
    </message>
    <message>
        <source>The library is read-only: the search index&apos;s own check was skipped.</source>
        <translation>文库为只读：已跳过搜索索引自身的检查。</translation>
    </message>
    <message>
        <source>The search index is damaged (%1); searches may miss or show wrong results.</source>
        <translation>搜索索引已损坏（%1）；搜索可能遗漏结果或显示错误的结果。</translation>
    </message>
    <message>
        <source>Run dubao-cli check --repair (or dubao-cli reindex) to rebuild it from the library; nothing else changes.</source>
        <translation>运行 dubao-cli check --repair（或 dubao-cli reindex）根据文库重建索引；其他内容不会改变。</translation>
    </message>
    <message>
        <source>The search index is waiting to be rebuilt (it is from another version, or its rebuild was interrupted); the app rebuilds it when it opens the library, or run dubao-cli check --repair.</source>
        <translation>搜索索引有待重建（它来自另一个版本，或上次重建被中断）；应用打开文库时会重建它，也可以运行 dubao-cli check --repair。</translation>
    </message>
    <message>
        <source>The library has no search index yet; it is built when the app opens it.</source>
        <translation>文库还没有搜索索引；应用打开文库时会建立。</translation>
    </message>
    <message>
        <source>Listed %1 highlights and %2 notes as orphans.</source>
        <translation>已将 %1 处高亮和 %2 条笔记列为孤立批注。</translation>
    </message>
    <message>
        <source>Rebuilt the search index.</source>
        <translation>已重建搜索索引。</translation>
    </message>
    <message>
        <source>The library&apos;s schema cannot be verified: %1</source>
        <translation>无法校验文库的数据库结构：%1</translation>
    </message>
    <message>
        <source>The library holds database objects that this version of Dubao did not make, or changed ones of its own: %1. They could change or delete your work, so Dubao opens the library read-only.</source>
        <translation>文库含有并非本版读报创建的数据库对象，或读报自身的对象已被改动：%1。它们可能改动或删除您的工作，因此读报以只读方式打开文库。</translation>
    </message>
    <message>
        <source>Run dubao-cli check --repair: it keeps a copy of the library, then removes the unknown objects and makes Dubao&apos;s own again.</source>
        <translation>请运行 dubao-cli check --repair：它会先保留文库副本，再删除未知对象并重建读报自身的对象。</translation>
    </message>
    <message>
        <source>the schema</source>
        <translation>数据库结构</translation>
    </message>
    <message>
        <source>every page of the file</source>
        <translation>文件的每一页</translation>
    </message>
    <message>
        <source>the references between tables</source>
        <translation>表之间的引用</translation>
    </message>
    <message>
        <source>the paragraphs and articles</source>
        <translation>段落和文章</translation>
    </message>
    <message>
        <source>the annotations</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>the search index (%1)</source>
        <translation>搜索索引（%1）</translation>
    </message>
    <message>
        <source>the search index&apos;s entries</source>
        <translation>搜索索引的条目</translation>
    </message>
    <message>
        <source>Full check: every page of the library file, every reference between its tables, the annotations and the search index&apos;s own check.</source>
        <translation>完整检查：文库文件的每一页、表之间的每个引用、注释以及搜索索引自身的检查。</translation>
    </message>
    <message>
        <source>Quick check: every page of what no restore could make again (the issues, their original bytes and your work); the paragraphs, articles and the search and people indexes, which a restore or re-index rebuilds from the issues, only by their counts and references. Run a full check (dubao-cli check --full) to read every page.</source>
        <translation>快速检查：读取任何恢复都无法重建的内容（各期、其原始字节和您的工作）的每一页；段落、文章以及搜索和人物索引可由恢复或重建索引从各期重新生成，只检查其数量和引用。要读取每一页，请运行完整检查（dubao-cli check --full）。</translation>
    </message>
    <message>
        <source>Team library check: the paragraphs and articles, and every highlight, note and notebook entry against the text. The PostgreSQL server keeps its own storage sound and enforces the references between tables on every write; its administrator checks and backs up the database itself.</source>
        <translation>团队文库检查：段落与文章，以及每个高亮、批注和笔记本条目与正文是否一致。PostgreSQL 服务器自行保证其存储完好，并在每次写入时强制表间引用；数据库的检查和备份由其管理员负责。</translation>
    </message>
    <message>
        <source>The library&apos;s owner runs: dubao-cli --library URL team init</source>
        <translation>请文库所有者运行：dubao-cli --library URL team init</translation>
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
    <message>
        <source>Year uncertain: the evidence also points at %1 (Issue → Edit Details…)</source>
        <translation>年份不确定：证据也指向 %1（期次 → 编辑详情…）</translation>
    </message>
</context>
<context>
    <name>dubao::LinkResolver</name>
    <message>
        <source>not a dubao:// link: %1</source>
        <translation>不是 dubao:// 链接：%1</translation>
    </message>
    <message>
        <source>This paragraph was split; its other parts follow it.</source>
        <translation>这个段落已被拆分；其余部分紧随其后。</translation>
    </message>
    <message>
        <source>This article was split; its other parts are separate articles now.</source>
        <translation>这篇文章已被拆分；其余部分现为单独的文章。</translation>
    </message>
    <message>
        <source>This paragraph was joined with another; showing the paragraph that holds its text.</source>
        <translation>这个段落已与另一段合并；显示包含其文字的段落。</translation>
    </message>
    <message>
        <source>This article was joined with another; showing the article that holds its text.</source>
        <translation>这篇文章已与另一篇合并；显示包含其文字的文章。</translation>
    </message>
    <message>
        <source>This paragraph is no longer in the issue.</source>
        <translation>这个段落已不在本期中。</translation>
    </message>
    <message>
        <source>This article is no longer in the issue.</source>
        <translation>这篇文章已不在本期中。</translation>
    </message>
    <message>
        <source>No such paragraph in this library.</source>
        <translation>文库中没有这个段落。</translation>
    </message>
    <message>
        <source>No such article in this library.</source>
        <translation>文库中没有这篇文章。</translation>
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
        <source>Edit &amp;Details…</source>
        <translation>编辑信息(&amp;D)…</translation>
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
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>关键词语境</translation>
    </message>
    <message>
        <source>Find in &amp;Library…</source>
        <translation>在文库中搜索(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>Rebuild Search &amp;Index</source>
        <translation>重建搜索索引(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Concordance</source>
        <translation>关键词语境(&amp;C)</translation>
    </message>
    <message>
        <source>Building the search index… Search is available when it is done.</source>
        <translation>正在建立搜索索引…完成后即可搜索。</translation>
    </message>
    <message>
        <source>Building the search index…</source>
        <translation>正在建立搜索索引…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Search Index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>Building the search index: %1%</source>
        <translation>正在建立搜索索引：%1%</translation>
    </message>
    <message>
        <source>The search index is ready.</source>
        <translation>搜索索引已就绪。</translation>
    </message>
    <message>
        <source>The search index was not built, so search is off. Edit → Rebuild Search Index builds it.</source>
        <translation>搜索索引尚未建立，暂时无法搜索。可用“编辑 → 重建搜索索引”来建立。</translation>
    </message>
    <message>
        <source>The search index could not be built: %1</source>
        <translation>无法建立搜索索引：%1</translation>
    </message>
    <message>
        <source>This note is not attached to a paragraph.</source>
        <translation>这条笔记没有关联到任何段落。</translation>
    </message>
    <message>
        <source>This article is no longer in the library.</source>
        <translation>这篇文章已不在文库中。</translation>
    </message>
    <message>
        <source>1 match in this article; Esc clears it.</source>
        <translation>本文中有 1 处匹配；按 Esc 清除。</translation>
    </message>
    <message>
        <source>%1 matches in this article: F3 / Shift+F3 step through them, Esc clears them.</source>
        <translation>本文中有 %1 处匹配：按 F3 / Shift+F3 逐个查看，按 Esc 清除。</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The library could not be backed up: %1</source>
        <translation>无法备份文库：%1</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation>检查文库(&amp;C)…</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>This library is read-only (its file may not be written): you can read and search, but not import, annotate or edit.</source>
        <translation>此文库为只读（其文件不可写入）：可以阅读和搜索，但不能导入、批注或编辑。</translation>
    </message>
    <message>
        <source>No daily backup: %1</source>
        <translation>未能完成每日备份：%1</translation>
    </message>
    <message>
        <source>The library was changed by another program; the list is up to date.</source>
        <translation>文库已被其他程序修改；列表已更新。</translation>
    </message>
    <message>
        <source>The library is read-only.</source>
        <translation>文库为只读。</translation>
    </message>
    <message>
        <source>The library could not be opened again: %1</source>
        <translation>无法重新打开文库：%1</translation>
    </message>
    <message>
        <source>Restored %1; the replaced library is kept in %2</source>
        <translation>已还原 %1；被替换的文库保存在 %2</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份还原</translation>
    </message>
    <message>
        <source>Replace the library with the backup %1?

What the library holds now is kept as another backup.</source>
        <translation>要用备份 %1 替换文库吗？

文库当前的内容将另存为一份备份。</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>未还原任何内容：%1</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dubao %1&lt;/h3&gt;&lt;p&gt;A reader and annotator for OCR&apos;d Chinese newspaper issues.&lt;/p&gt;&lt;p&gt;Library: %2&lt;/p&gt;&lt;p&gt;Qt %3, SQLite %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dubao %1&lt;/h3&gt;&lt;p&gt;阅读和批注经 OCR 识别的中文报纸。&lt;/p&gt;&lt;p&gt;文库：%2&lt;/p&gt;&lt;p&gt;Qt %3，SQLite %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The restore was cancelled; the library is unchanged.</source>
        <translation>恢复已取消；文库未作改动。</translation>
    </message>
    <message>
        <source>Rebuilding the library…</source>
        <translation>正在重建文库…</translation>
    </message>
    <message>
        <source>Rebuilding the library: %1 of %2 issues parsed and indexed…</source>
        <translation>正在重建文库：已解析并索引 %1/%2 期…</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>趋势(&amp;T)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>日历(&amp;L)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>人物(&amp;P)</translation>
    </message>
    <message>
        <source>Check Library</source>
        <translation>检查文库</translation>
    </message>
    <message>
        <source>Upgrading the library</source>
        <translation>正在升级文库</translation>
    </message>
    <message>
        <source>%1: %2 of %3…</source>
        <translation>%1：%2 / %3…</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>修复…</translation>
    </message>
    <message>
        <source>This library is read-only: it holds database objects that Dubao did not make and that could change or delete your work (%1). You can read and search. Repair… removes them (it keeps a copy of the library first; dubao-cli check --repair does the same).</source>
        <translation>此文库为只读：其中含有并非读报创建的数据库对象，它们可能更改或删除你的工作（%1）。你可以阅读和搜索。“修复…”会删除这些对象（先保留一份文库副本；dubao-cli check --repair 的作用相同）。</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>The language is switched. A message shown before the switch keeps its language until it is shown again.</source>
        <translation>界面语言已切换。切换前显示的消息在再次显示前仍保持原来的语言。</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>文本复用</translation>
    </message>
    <message>
        <source>Re&amp;use</source>
        <translation>文本复用(&amp;U)</translation>
    </message>
    <message>
        <source>One file that holds the issues and your work, to copy or send; Restore from Backup… → Other File… (or dubao-cli restore) reads it on any computer</source>
        <translation>一个包含各期报纸和您全部工作的文件，便于复制或发送；在任何电脑上用“从备份恢复…”→“其他文件…”（或 dubao-cli restore）即可读取</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>正在备份到 %1…</translation>
    </message>
    <message>
        <source>Back Up to File</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <source>Dubao backups (*.dubao-backup)</source>
        <translation>读报备份 (*.dubao-backup)</translation>
    </message>
    <message>
        <source>No backup was written: %1</source>
        <translation>未写入备份：%1</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was written.</source>
        <translation>备份已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2)</source>
        <translation>已备份到 %1（%2）</translation>
    </message>
    <message>
        <source>Issues: %1 · Articles: %2 · %3 (%4)</source>
        <translation>期数：%1 · 文章：%2 · %3（%4）</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>读者</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>Open &amp;Team Library…</source>
        <translation>打开团队文库(&amp;T)…</translation>
    </message>
    <message>
        <source>%1 (team library)</source>
        <translation>%1（团队文库）</translation>
    </message>
    <message>
        <source>Open Team Library</source>
        <translation>打开团队文库</translation>
    </message>
    <message>
        <source>The library is open, but the keychain did not keep the password: %1</source>
        <translation>文库已打开，但钥匙串未能保存密码：%1</translation>
    </message>
    <message>
        <source>You are %1 on this team library as a reader: you can read, search and export, but not annotate or edit (the library&apos;s owner gives roles).</source>
        <translation>您以读者身份（%1）使用此团队文库：可以阅读、检索和导出，但不能标注或编辑（角色由文库所有者分配）。</translation>
    </message>
    <message>
        <source>You are an annotator of this team library: you may annotate, not import, replace, correct the OCR or define tags.</source>
        <translation>您是此团队文库的标注者：可以标注，但不能导入、替换、校正 OCR 或定义标签。</translation>
    </message>
    <message>
        <source>You are a reader of this team library: you may read, search and export, not annotate or edit.</source>
        <translation>您是此团队文库的读者：可以阅读、检索和导出，但不能标注或编辑。</translation>
    </message>
    <message>
        <source>The library is open read-only: notes cannot be changed.</source>
        <translation>文库以只读方式打开：无法修改笔记。</translation>
    </message>
    <message>
        <source>%1 (year uncertain: also %2)</source>
        <translation>%1（年份不确定：也可能是 %2）</translation>
    </message>
    <message>
        <source>%1 (year inferred)</source>
        <translation>%1（年份为推断）</translation>
    </message>
    <message>
        <source>Back &amp;Up to File…</source>
        <translation>备份到文件(&amp;U)…</translation>
    </message>
    <message>
        <source>Re&amp;store from Backup…</source>
        <translation>从备份还原(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>dubao::MarkdownWriter</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>dubao::MergePart</name>
    <message>
        <source>&amp;Merge Personal Library…</source>
        <translation>合并个人文库(&amp;M)…</translation>
    </message>
    <message>
        <source>Carry your highlights, notes, tags and notebooks from a library file into this library, which holds the same issues (a preview first)</source>
        <translation>把一个文库文件中的高亮、笔记、标签和笔记本并入本文库（两者收有相同的报纸期号；先预览）</translation>
    </message>
    <message>
        <source>Issues matched by their source file: %1; not in this library: %2</source>
        <translation>按源文件对上的期号：%1；本文库没有的：%2</translation>
    </message>
    <message>
        <source>Highlights: %1, notes: %2, paragraph tags: %3, article tags: %4, tags on annotations: %5</source>
        <translation>高亮：%1，笔记：%2，段落标签：%3，文章标签：%4，批注上的标签：%5</translation>
    </message>
    <message>
        <source>Tags created: %1, notebooks created: %2, notebook entries: %3</source>
        <translation>新建标签：%1，新建笔记本：%2，笔记本条目：%3</translation>
    </message>
    <message>
        <source>Already in this library: %1; not matched: %2</source>
        <translation>本文库已有：%1；未对上：%2</translation>
    </message>
    <message>
        <source>Not matched: %1</source>
        <translation>未对上：%1</translation>
    </message>
    <message>
        <source>… and %1 more not matched</source>
        <translation>……另有 %1 项未对上</translation>
    </message>
    <message>
        <source>no library is open</source>
        <translation>没有打开的文库</translation>
    </message>
    <message>
        <source>“%1” is not a library file</source>
        <translation>“%1”不是文库文件</translation>
    </message>
    <message>
        <source>“%1” is the library that is open</source>
        <translation>“%1”就是当前打开的文库</translation>
    </message>
    <message>
        <source>Merge Personal Library</source>
        <translation>合并个人文库</translation>
    </message>
    <message>
        <source>“%1” holds nothing to add to this library.

%2</source>
        <translation>“%1”中没有可并入本文库的内容。

%2</translation>
    </message>
    <message>
        <source>Merged the work of “%1”</source>
        <translation>已并入“%1”中的工作</translation>
    </message>
    <message>
        <source>Nothing was merged: %1</source>
        <translation>未合并任何内容：%1</translation>
    </message>
    <message>
        <source>The merge was cancelled; nothing was merged.</source>
        <translation>合并已取消；未合并任何内容。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Merged; committing…</source>
        <translation>已合并；正在提交…</translation>
    </message>
    <message>
        <source>Merging the %1 (%2 of %3)…</source>
        <translation>正在合并%1（第 %2 步，共 %3 步）…</translation>
    </message>
    <message>
        <source>The preview was cancelled; nothing was merged.</source>
        <translation>预览已取消；未合并任何内容。</translation>
    </message>
    <message>
        <source>Merge the work of “%1” into this library? It is one step: everything below is added, or nothing.

It cannot be undone: Edit → Undo does not take a merge back (on a shared library colleagues may already work with what it adds). The report after it lists everything added, to review.

%2</source>
        <translation>要把“%1”中的工作合并到本资料库吗？这是一步完成的操作：下面所列内容要么全部加入，要么一项也不加入。

合并无法撤销：编辑 → 撤销不能撤回合并（在共享资料库中，同事可能已在使用合并加入的内容）。合并后的报告会列出加入的全部内容，供您核查。

%2</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>已加入：%1</translation>
    </message>
    <message>
        <source>… and %1 more added</source>
        <translation>……另有 %1 项已加入</translation>
    </message>
    <message>
        <source>The whole report is in %1</source>
        <translation>完整报告见 %1</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>无法保存报告：%1</translation>
    </message>
    <message>
        <source>Merged the work of “%1” into this library.

%2

%3</source>
        <translation>已把“%1”中的工作合并到本资料库。

%2

%3</translation>
    </message>
    <message>
        <source>cannot make the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Merged the work of “%1” into %2 on %3.</source>
        <translation>已于 %3 把“%1”中的工作合并到 %2。</translation>
    </message>
    <message>
        <source>Reading what the merge would add…</source>
        <translation>正在读取合并将加入的内容…</translation>
    </message>
    <message>
        <source>Preview read; rolling back…</source>
        <translation>预览已读取；正在回滚…</translation>
    </message>
    <message>
        <source>Previewing the %1 (%2 of %3)…</source>
        <translation>正在预览%1（第 %2 步，共 %3 步）…</translation>
    </message>
</context>
<context>
    <name>dubao::MergeTagsCommand</name>
    <message>
        <source>Merge Tag “%1” into “%2”</source>
        <translation>将标签“%1”合并到“%2”</translation>
    </message>
</context>
<context>
    <name>dubao::MoveNotebookEntryCommand</name>
    <message>
        <source>Move Notebook Entry</source>
        <translation>移动笔记本条目</translation>
    </message>
</context>
<context>
    <name>dubao::NoteConflictDialog</name>
    <message>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Note Changed by Someone Else</source>
        <translation>笔记已被他人修改</translation>
    </message>
    <message>
        <source>%1 changed this note while you were editing it. Your text is not saved yet: choose which text the note keeps.</source>
        <translation>您编辑期间，%1 修改了这条笔记。您的文字尚未保存：请选择笔记保留哪一份文字。</translation>
    </message>
    <message>
        <source>Yours (unsaved)</source>
        <translation>您的（未保存）</translation>
    </message>
    <message>
        <source>Theirs: %1</source>
        <translation>对方的：%1</translation>
    </message>
    <message>
        <source>&amp;Keep Theirs</source>
        <translation>保留对方的(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Copy Mine, Keep Theirs</source>
        <translation>复制我的，保留对方的(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with Mine</source>
        <translation>用我的覆盖(&amp;O)</translation>
    </message>
</context>
<context>
    <name>dubao::NoteEditor</name>
    <message>
        <source>Ctrl+Enter saves; Esc cancels.</source>
        <translation>Ctrl+Enter 保存；Esc 取消。</translation>
    </message>
</context>
<context>
    <name>dubao::NotebookView</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add &amp;Text</source>
        <translation>添加文字(&amp;T)</translation>
    </message>
    <message>
        <source>Add your own text after the selected entry</source>
        <translation>在所选条目之后添加您自己的文字</translation>
    </message>
    <message>
        <source>orphan: its paragraph is gone</source>
        <translation>孤立批注：所在段落已不存在</translation>
    </message>
    <message>
        <source>Your text — double-click to edit</source>
        <translation>您的文字——双击即可编辑</translation>
    </message>
    <message>
        <source>Drag to reorder; click the source to open the paragraph</source>
        <translation>拖动可调整顺序；点击出处可打开该段落</translation>
    </message>
    <message>
        <source>New Notebook</source>
        <translation>新建笔记本</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rename Notebook</source>
        <translation>重命名笔记本</translation>
    </message>
    <message>
        <source>Delete Notebook</source>
        <translation>删除笔记本</translation>
    </message>
    <message numerus="yes">
        <source>Delete the notebook “%1” and its %n entries? The highlights and notes in it stay. (Edit → Undo brings it back.)</source>
        <translation>
            <numerusform>要删除笔记本“%1”及其 %n 个条目吗？其中的高亮和笔记会保留。（“编辑 → 撤销”可以恢复。）</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Text</source>
        <translation>添加文字</translation>
    </message>
    <message>
        <source>Your text (Markdown):</source>
        <translation>您的文字（Markdown）：</translation>
    </message>
    <message>
        <source>Edit Text</source>
        <translation>编辑文字</translation>
    </message>
    <message>
        <source>Open in Reader</source>
        <translation>在阅读区中打开</translation>
    </message>
    <message>
        <source>Add Text Above…</source>
        <translation>在上方添加文字…</translation>
    </message>
    <message>
        <source>Add Text Below…</source>
        <translation>在下方添加文字…</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove from Notebook</source>
        <translation>从笔记本中移除</translation>
    </message>
    <message>
        <source>Add Text…</source>
        <translation>添加文字…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export this notebook as a document</source>
        <translation>将此笔记本导出为文档</translation>
    </message>
    <message>
        <source>Your text (Markdown)…</source>
        <translation>你的文字（Markdown）……</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>%1 (%2&apos;s)</source>
        <translation>%1（%2 的）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>This notebook is %1&apos;s: only its creator shares it or makes it private</source>
        <translation>此笔记本属于 %1：只有创建者能共享它或设为私有</translation>
    </message>
    <message>
        <source>Shared: everyone of a team library this library is copied into reads it. Private: only you see it there</source>
        <translation>共享：本文库复制到团队文库后，团队中每个人都能阅读它。私有：在那里只有你能看到</translation>
    </message>
    <message>
        <source>Everyone of the team library reads this notebook; only you (and editors) change it. Click to make it private again</source>
        <translation>团队文库中每个人都能阅读此笔记本；只有你（和编辑者）能修改。点击可重新设为私有</translation>
    </message>
    <message>
        <source>Only you see this notebook. Click to share it with everyone of the team library (they read it; only you and editors change it)</source>
        <translation>只有你能看到此笔记本。点击可与团队文库中的每个人共享（他们可以阅读；只有你和编辑者能修改）</translation>
    </message>
</context>
<context>
    <name>dubao::NotesPanel</name>
    <message>
        <source>&amp;Add Note</source>
        <translation>添加笔记(&amp;A)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Write the note in Markdown…</source>
        <translation>用 Markdown 撰写笔记…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Paragraph notes&lt;/b&gt; (%n)</source>
        <translation>
            <numerusform>&lt;b&gt;段落笔记&lt;/b&gt;（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragraph tags: %1</source>
        <translation>段落标签：%1</translation>
    </message>
    <message>
        <source>Put the cursor in a paragraph to see its notes.</source>
        <translation>将光标置于某一段落中即可查看其笔记。</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>（空笔记）</translation>
    </message>
    <message>
        <source>On a highlight</source>
        <translation>关联高亮</translation>
    </message>
    <message>
        <source>On the paragraph</source>
        <translation>关联段落</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>changed by %1</source>
        <translation>由 %1 修改</translation>
    </message>
    <message>
        <source>Not saved: %1 changed this note since you opened it.</source>
        <translation>未保存：您打开这条笔记后，%1 修改了它。</translation>
    </message>
    <message>
        <source>Not saved: your text is kept here and saved with your next change.</source>
        <translation>未保存：您的文字保留在此，将随您的下一次修改一并保存。</translation>
    </message>
</context>
<context>
    <name>dubao::OrphansPanel</name>
    <message>
        <source>&amp;Re-attach to Selection</source>
        <translation>重新关联到选区(&amp;R)</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Was in</source>
        <translation>原位于</translation>
    </message>
    <message>
        <source>Select an orphan, select its new place in the reader (a paragraph for a note), then re-attach it.</source>
        <translation>选择一条孤立批注，在阅读区中选定它的新位置（笔记则选定段落），然后重新关联。</translation>
    </message>
    <message>
        <source>Attach the selected orphan where the reader&apos;s selection is</source>
        <translation>将所选孤立批注关联到阅读区的选区</translation>
    </message>
    <message>
        <source>…%1&lt;b&gt;%2&lt;/b&gt;%3…&lt;br&gt;Was in “%4”</source>
        <translation>…%1&lt;b&gt;%2&lt;/b&gt;%3…&lt;br&gt;原位于“%4”</translation>
    </message>
</context>
<context>
    <name>dubao::PdfWriter</name>
    <message>
        <source>the PDF writer failed: %1</source>
        <translation>PDF 写入失败：%1</translation>
    </message>
</context>
<context>
    <name>dubao::PeopleExport</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>未指定文件名</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
</context>
<context>
    <name>dubao::PeopleIndex</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>a person needs a name</source>
        <translation>人物需要有姓名</translation>
    </message>
    <message>
        <source>a merge or a split needs the other name</source>
        <translation>合并或拆分需要提供另一个姓名</translation>
    </message>
    <message>
        <source>no edit with id %1</source>
        <translation>没有编号为 %1 的修改</translation>
    </message>
    <message>
        <source>own: needs the text-reuse index, which this library does not have yet; build it with Tools → Build Reuse Index or dubao-cli reuse --rebuild</source>
        <translation>own: 需要文本复用索引，但此资料库尚未建立；请通过“工具 → 建立文本复用索引”或 dubao-cli reuse --rebuild 建立</translation>
    </message>
</context>
<context>
    <name>dubao::PeoplePart</name>
    <message>
        <source>Reading the people index…</source>
        <translation>正在读取人物索引…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Export People</source>
        <translation>导出人物</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dubao::PeopleView</name>
    <message>
        <source>No library is open.</source>
        <translation>未打开文库。</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation>拆分(&amp;P)…</translation>
    </message>
    <message>
        <source>Correct &amp;Office…</source>
        <translation>更正职务(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Not a Person</source>
        <translation>不是人名(&amp;N)</translation>
    </message>
    <message>
        <source>Appeared from</source>
        <translation>出现时间从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Named with</source>
        <translation>同时提及</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 — %n appearance(s)</source>
        <translation>
            <numerusform>%1 — %2 — 出现 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n article(s))</source>
        <translation>
            <numerusform>%1（%n 篇文章）</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge Into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>%1 is the same person as:</source>
        <translation>%1 与以下是同一人：</translation>
    </message>
    <message>
        <source>Select the appearance that is another person first.</source>
        <translation>请先选择属于另一人的那次出现。</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>The appearances of %1 in this paragraph are another person, named:</source>
        <translation>本段中 %1 的出现属于另一人，其姓名为：</translation>
    </message>
    <message>
        <source>Correct Office</source>
        <translation>更正职务</translation>
    </message>
    <message>
        <source>The offices of %1 everywhere (separated by 、):</source>
        <translation>%1 在所有出现处的职务（用 、 分隔）：</translation>
    </message>
    <message>
        <source>The offices of %1 in this paragraph (separated by 、):</source>
        <translation>%1 在本段的职务（用 、 分隔）：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export what the list shows, for Stata, R or a spreadsheet</source>
        <translation>导出列表所示内容，供 Stata、R 或电子表格使用</translation>
    </message>
    <message>
        <source>&amp;Appearances…</source>
        <translation>出现记录(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Office Holders…</source>
        <translation>任职者(&amp;O)…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>appearances.csv</source>
        <translation>出现记录.csv</translation>
    </message>
    <message>
        <source>office-holders.csv</source>
        <translation>任职者.csv</translation>
    </message>
    <message>
        <source>Export People</source>
        <translation>导出人物</translation>
    </message>
    <message>
        <source>Name or office contains (e.g. 书记); own:yes or own:no</source>
        <translation>姓名或职务包含（如 书记）；own:yes 或 own:no</translation>
    </message>
    <message>
        <source>A name or an office the person had (书记: every secretary). own:yes counts only their appearances in the paper&apos;s own text, own:no those in text shared with other articles (needs the reuse index).</source>
        <translation>姓名或此人担任过的职务（书记：所有书记）。own:yes 只计其在本报自有文本中的出现，own:no 只计与其他文章共有文本中的出现（需要文本复用索引）。</translation>
    </message>
    <message>
        <source>own: takes yes (the paper&apos;s own text) or no (text shared with other articles)</source>
        <translation>own: 取 yes（本报自有文本）或 no（与其他文章共有的文本）</translation>
    </message>
</context>
<context>
    <name>dubao::PersonEditCommand</name>
    <message>
        <source>Merge %1 into %2</source>
        <translation>将 %1 合并到 %2</translation>
    </message>
    <message>
        <source>Split %1 as %2</source>
        <translation>将 %1 拆分为 %2</translation>
    </message>
    <message>
        <source>Correct the office of %1</source>
        <translation>更正 %1 的职务</translation>
    </message>
    <message>
        <source>Mark %1 as not a person</source>
        <translation>将 %1 标为非人名</translation>
    </message>
</context>
<context>
    <name>dubao::PersonListModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>末次</translation>
    </message>
    <message>
        <source>Appearances</source>
        <translation>出现次数</translation>
    </message>
</context>
<context>
    <name>dubao::PersonTimeline</name>
    <message>
        <source>(no office)</source>
        <translation>（无职务）</translation>
    </message>
    <message>
        <source>No dated appearance.</source>
        <translation>没有带日期的出现。</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>dubao::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>您的姓名(&amp;Y)：</translation>
    </message>
    <message>
        <source>Recorded with each correction of the OCR, highlight, note, tag and notebook you make in a personal library. Left empty, your name as the system knows it (%1) is recorded. A team library records your server login instead.</source>
        <translation>在个人文库中，您所做的每一处 OCR 校正、高亮、笔记、标签和笔记本都会记录此姓名。留空则记录系统中的您的姓名（%1）。团队文库改为记录您的服务器登录名。</translation>
    </message>
</context>
<context>
    <name>dubao::QdpxImporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>This is not a REFI-QDA project file: %1.</source>
        <translation>这不是 REFI-QDA 项目文件：%1。</translation>
    </message>
    <message>
        <source>This is not a REFI-QDA project file: it has no project.qde.</source>
        <translation>这不是 REFI-QDA 项目文件：其中没有 project.qde。</translation>
    </message>
    <message>
        <source>project.qde is not a REFI-QDA project (its root element is not a QDA-XML Project).</source>
        <translation>project.qde 不是 REFI-QDA 项目（其根元素不是 QDA-XML Project）。</translation>
    </message>
    <message>
        <source>project.qde is not well-formed XML: %1 (line %2, column %3).</source>
        <translation>project.qde 不是格式正确的 XML：%1（第 %2 行，第 %3 列）。</translation>
    </message>
    <message>
        <source>project.qde is empty.</source>
        <translation>project.qde 是空的。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The code “%1” cannot be a tag: %2</source>
        <translation>代码“%1”无法成为标签：%2</translation>
    </message>
    <message>
        <source>no article in this library has its text</source>
        <translation>本文库中没有文章与其正文相同</translation>
    </message>
    <message>
        <source>%1 articles in this library have its text</source>
        <translation>本文库中有 %1 篇文章与其正文相同</translation>
    </message>
    <message>
        <source>%1: its text is not in the file</source>
        <translation>%1：文件中没有其正文</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was added.</source>
        <translation>导入已取消，没有添加任何内容。</translation>
    </message>
</context>
<context>
    <name>dubao::QueryParser</name>
    <message>
        <source>The search was cut to its first %1 characters.</source>
        <translation>搜索内容过长，只取前 %1 个字符。</translation>
    </message>
    <message>
        <source>A quote was not closed; the phrase runs to the end of the search.</source>
        <translation>引号没有闭合；短语一直延续到搜索内容末尾。</translation>
    </message>
    <message>
        <source>Ignored %1: it has no characters, letters or digits to search for.</source>
        <translation>已忽略 %1：它不含可搜索的汉字、字母或数字。</translation>
    </message>
    <message>
        <source>%1 must be followed by a word to exclude.</source>
        <translation>%1 后面须跟一个要排除的词。</translation>
    </message>
    <message>
        <source>OR cannot join an excluded word; it was ignored.</source>
        <translation>OR 不能连接被排除的词；已忽略。</translation>
    </message>
    <message>
        <source>OR must stand between two words; a stray OR was ignored.</source>
        <translation>OR 须位于两个词之间；已忽略多余的 OR。</translation>
    </message>
    <message>
        <source>NOT NOT was read as one NOT.</source>
        <translation>NOT NOT 按一个 NOT 处理。</translation>
    </message>
    <message>
        <source>A lone “-” was ignored (write -word to exclude a word).</source>
        <translation>已忽略单独的“-”（排除某个词请写作 -词）。</translation>
    </message>
    <message>
        <source>Filters cannot be excluded; “-%1:” was ignored.</source>
        <translation>筛选条件不能被排除；已忽略“-%1:”。</translation>
    </message>
    <message>
        <source>OR cannot join a filter; it was ignored.</source>
        <translation>OR 不能连接筛选条件；已忽略。</translation>
    </message>
    <message>
        <source>%1: needs a value, e.g. %2</source>
        <translation>%1: 需要一个值，例如 %2</translation>
    </message>
    <message>
        <source>in:%1 is not known; use in:notes.</source>
        <translation>不认识 in:%1；请使用 in:notes。</translation>
    </message>
    <message>
        <source>NOT -word was read as one exclusion.</source>
        <translation>NOT -词 按一次排除处理。</translation>
    </message>
    <message>
        <source>OR must stand between two words; a trailing OR was ignored.</source>
        <translation>OR 须位于两个词之间；已忽略末尾的 OR。</translation>
    </message>
    <message>
        <source>%1 at the end was ignored: it needs a word to exclude.</source>
        <translation>已忽略末尾的 %1：它需要一个要排除的词。</translation>
    </message>
    <message>
        <source>from: is after to:, so nothing can match.</source>
        <translation>from: 晚于 to:，因此不会有任何结果。</translation>
    </message>
    <message>
        <source>Add a word to search for: excluded words alone match nothing.</source>
        <translation>请添加要搜索的词：只有排除的词不会匹配任何内容。</translation>
    </message>
    <message>
        <source>Add a word to search for: filters only narrow a search.</source>
        <translation>请添加要搜索的词：筛选条件只能缩小搜索范围。</translation>
    </message>
    <message>
        <source>Nothing to search for: type a word or a phrase (characters, letters or digits).</source>
        <translation>没有可搜索的内容：请输入一个词或短语（汉字、字母或数字）。</translation>
    </message>
    <message>
        <source>Type a word or a phrase to search for.</source>
        <translation>请输入要搜索的词或短语。</translation>
    </message>
    <message>
        <source>own:%1 is not known; use own:yes (the paper&apos;s own text) or own:no (text shared with other articles).</source>
        <translation>无法识别 own:%1；请使用 own:yes（本报自有文本）或 own:no（与其他文章共有的文本）。</translation>
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
    <message>
        <source>Article tags:</source>
        <translation>文章标签：</translation>
    </message>
    <message>
        <source>Paragraph tags:</source>
        <translation>段落标签：</translation>
    </message>
    <message>
        <source>Highlight:</source>
        <translation>高亮：</translation>
    </message>
    <message numerus="yes">
        <source>%n highlights here:</source>
        <translation>
            <numerusform>此处有 %n 处高亮：</numerusform>
        </translation>
    </message>
    <message>
        <source>no tag</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Page %1</source>
        <comment>a newspaper&apos;s page (版次) as printed: 第%1版</comment>
        <translation>第%1版</translation>
    </message>
</context>
<context>
    <name>dubao::RemoveHighlightCommand</name>
    <message>
        <source>Remove Highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>Remove Highlight “%1”</source>
        <translation>删除高亮“%1”</translation>
    </message>
</context>
<context>
    <name>dubao::RemoveNoteCommand</name>
    <message>
        <source>Delete Note</source>
        <translation>删除笔记</translation>
    </message>
</context>
<context>
    <name>dubao::RemoveNotebookEntryCommand</name>
    <message>
        <source>Remove from Notebook</source>
        <translation>从笔记本中移除</translation>
    </message>
</context>
<context>
    <name>dubao::RenameNotebookCommand</name>
    <message>
        <source>Rename Notebook</source>
        <translation>重命名笔记本</translation>
    </message>
    <message>
        <source>someone else deleted this notebook since</source>
        <translation>此后已有他人删除了这个笔记本</translation>
    </message>
    <message>
        <source>notebook “%1” was renamed “%2” by %3 since; it keeps their name</source>
        <translation>此后 %3 把笔记本“%1”改名为“%2”；保留其所起的名称</translation>
    </message>
</context>
<context>
    <name>dubao::RestoreDialog</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>还原前</translation>
    </message>
    <message>
        <source>before upgrading to schema %1</source>
        <translation>升级到数据库结构版本 %1 前</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份还原</translation>
    </message>
    <message>
        <source>The library is replaced by the backup you choose. What it holds now is kept as another backup, so a restore can be undone by restoring that one.</source>
        <translation>文库将被您选择的备份替换。文库当前的内容会另存为一份备份，因此还原之后可以通过还原那份备份来撤销。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>There are no backups of this library yet.</source>
        <translation>这个文库还没有备份。</translation>
    </message>
    <message>
        <source>to send (holds everything)</source>
        <translation>用于发送（包含全部内容）</translation>
    </message>
    <message>
        <source>&amp;Other File…</source>
        <translation>其他文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Restore from Backup File</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <source>Dubao backups (*.dubao-backup *.sqlite)</source>
        <translation>读报备份 (*.dubao-backup *.sqlite)</translation>
    </message>
</context>
<context>
    <name>dubao::ReuseIndex</name>
    <message>
        <source>the library is open read-only: the text-reuse index cannot be built</source>
        <translation>文库以只读方式打开，无法建立文本复用索引</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>no article with id %1</source>
        <translation>没有 id 为 %1 的文章</translation>
    </message>
    <message>
        <source>no publication named %1</source>
        <translation>没有名为 %1 的报纸</translation>
    </message>
    <message>
        <source>the library is open read-only: the text-reuse index cannot be changed</source>
        <translation>资料库以只读方式打开：无法更改文本复用索引</translation>
    </message>
    <message>
        <source>only an editor of this team library may build its text-reuse index (%1 is %2 here); its editors&apos; imports keep it up to date</source>
        <translation>只有此团队文库的编辑者可以建立文本转载索引（%1 在此是%2）；编辑者导入时会保持索引最新</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>非成员</translation>
    </message>
</context>
<context>
    <name>dubao::ReusePart</name>
    <message>
        <source>Build &amp;Reuse Index</source>
        <translation>建立文本复用索引(&amp;R)</translation>
    </message>
    <message>
        <source>Find the passages articles share (reprints, wire copy): marks in the reader&apos;s margin and side-by-side comparisons</source>
        <translation>找出文章之间共有的段落（转载、通稿）：在阅读区页边标出，并可并排对照</translation>
    </message>
    <message>
        <source>Co&amp;mpare With…</source>
        <translation>对照(&amp;M)…</translation>
    </message>
    <message>
        <source>Compare the article side by side with another that shares its passages</source>
        <translation>将本文与另一篇含有相同段落的文章并排对照</translation>
    </message>
    <message>
        <source>Building the reuse index: %1 of %2 articles</source>
        <translation>正在建立文本复用索引：第 %1 篇，共 %2 篇</translation>
    </message>
    <message>
        <source>Reading the clusters…</source>
        <translation>正在读取复用组…</translation>
    </message>
    <message>
        <source>No reuse index yet: Tools → Build Reuse Index builds it.</source>
        <translation>尚无文本复用索引：请用“工具”→“建立文本复用索引”建立。</translation>
    </message>
    <message numerus="yes">
        <source>Shared with %n other article(s); the earliest: %1</source>
        <translation>
            <numerusform>与另外 %n 篇文章共有；最早的一篇：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to compare side by side.</source>
        <translation>单击可并排对照。</translation>
    </message>
    <message>
        <source>%1% shared with %2 %3 · own text %4%</source>
        <translation>%1% 与 %2 %3 共有 · 自有文本 %4%</translation>
    </message>
    <message>
        <source>another article</source>
        <translation>另一篇文章</translation>
    </message>
    <message numerus="yes">
        <source>%1% shared with %n later article(s) · own text %2%</source>
        <translation>
            <numerusform>%1% 与之后的 %n 篇文章共有 · 自有文本 %2%</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>The article is no longer in the library.</source>
        <translation>该文章已不在资料库中。</translation>
    </message>
    <message>
        <source>Compare: %1 — %2</source>
        <translation>对照：%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2% of this article</source>
        <translation>%1 — 占本文的 %2%</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Articles that share passages with this one, earliest first:</source>
        <translation>与本文有共同段落的文章（最早的在前）：</translation>
    </message>
    <message>
        <source>Finding the passages articles share…</source>
        <translation>正在查找文章间共有的段落…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reuse Index</source>
        <translation>文本复用索引</translation>
    </message>
    <message>
        <source>Building the reuse index…</source>
        <translation>正在建立文本复用索引…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <source>The reuse index is ready: %n article(s) compared.</source>
        <translation>
            <numerusform>文本复用索引已建立：已比较 %n 篇文章。</numerusform>
        </translation>
    </message>
    <message>
        <source>Building the reuse index was cancelled; nothing changed.</source>
        <translation>建立文本复用索引已取消；没有任何改动。</translation>
    </message>
    <message>
        <source>The reuse index could not be built: %1</source>
        <translation>无法建立文本复用索引：%1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>没有打开的资料库。</translation>
    </message>
    <message>
        <source>Export Reuse</source>
        <translation>导出复用数据</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export Reuse: %1</source>
        <translation>导出文本复用：%1</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>已将%1导出到 %2。</translation>
    </message>
    <message>
        <source>No reuse index yet: an editor of this team library builds it with Tools → Build Reuse Index.</source>
        <translation>尚无转载索引：此团队文库的编辑者可通过“工具 → 建立转载索引”来建立。</translation>
    </message>
    <message>
        <source>Only an editor of this team library builds its reuse index; its editors&apos; imports keep it up to date.</source>
        <translation>只有此团队文库的编辑者能建立转载索引；编辑者导入时会保持索引最新。</translation>
    </message>
</context>
<context>
    <name>dubao::ReuseView</name>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>任何日期</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>报纸</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Lag (days)</source>
        <translation>滞后（天）</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共有</translation>
    </message>
    <message>
        <source>All publications</source>
        <translation>所有报纸</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>%1% (mean)</source>
        <translation>%1%（平均）</translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n 个复用组</numerusform>
        </translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Pairs and Clusters as &amp;JSON…</source>
        <translation>文章对与文本簇导出为 &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Pairs as CSV…</source>
        <translation>文章对导出为 CSV(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Clusters as CSV…</source>
        <translation>文本簇导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Tag or search (e.g. tag:经济), Enter</source>
        <translation>标签或搜索（如 tag:经济），按回车</translation>
    </message>
    <message>
        <source>Keep the clusters with a copy this search matches: words, tag:, own:, any filter of the search language</source>
        <translation>只保留有副本符合此搜索的文本簇：词语、tag:、own: 或搜索语言的任何筛选条件</translation>
    </message>
    <message>
        <source>Save %1 for R, Stata, pandas or a spreadsheet</source>
        <translation>保存%1，供 R、Stata、pandas 或电子表格使用</translation>
    </message>
    <message numerus="yes">
        <source>the %n cluster(s) the filters show, and their pairs</source>
        <translation>
            <numerusform>筛选条件显示的 %n 个簇及其配对</numerusform>
        </translation>
    </message>
    <message>
        <source>every cluster and every pair</source>
        <translation>所有簇和所有配对</translation>
    </message>
</context>
<context>
    <name>dubao::SchemaVerifier</name>
    <message>
        <source>cannot make the expected schema</source>
        <translation>无法生成预期的数据库结构</translation>
    </message>
    <message>
        <source>schema step %1 of the %2 layer is not registered</source>
        <translation>%2 层的结构步骤 %1 未注册</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已改动</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Removed the %1 %2, which Dubao did not make.</source>
        <translation>已删除并非读报创建的 %1 %2。</translation>
    </message>
    <message>
        <source>Made the %1 %2 again as Dubao makes it.</source>
        <translation>已按读报的定义重建 %1 %2。</translation>
    </message>
    <message>
        <source>Made the missing %1 %2 again.</source>
        <translation>已重建缺失的 %1 %2。</translation>
    </message>
</context>
<context>
    <name>dubao::SearchIndex</name>
    <message>
        <source>no SQLite handle to register the search tokenizer with</source>
        <translation>没有可用来注册搜索分词器的 SQLite 连接</translation>
    </message>
    <message>
        <source>SQLite has no FTS5: %1</source>
        <translation>SQLite 不支持 FTS5：%1</translation>
    </message>
    <message>
        <source>SQLite&apos;s FTS5 API is missing or too old</source>
        <translation>SQLite 的 FTS5 接口缺失或版本过旧</translation>
    </message>
    <message>
        <source>cannot register the search tokenizer: %1</source>
        <translation>无法注册搜索分词器：%1</translation>
    </message>
    <message>
        <source>cannot update the search index: %1</source>
        <translation>无法更新搜索索引：%1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the library is not open</source>
        <translation>文库未打开</translation>
    </message>
    <message>
        <source>the library is read-only</source>
        <translation>文库为只读</translation>
    </message>
    <message>
        <source>cannot register the search ranking: %1</source>
        <translation>无法注册搜索排序函数：%1</translation>
    </message>
    <message>
        <source>more than 1,048,576 paragraphs on one day: the search index has no key left for that day</source>
        <translation>同一天的段落超过 1,048,576 个：搜索索引已没有可用于该日的键</translation>
    </message>
</context>
<context>
    <name>dubao::SearchPanel</name>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜索文库</translation>
    </message>
    <message>
        <source>Words and &quot;phrases&quot;; OR, -word, title:, reporter:, tag:, publication:, from:YYYY-MM-DD, to:YYYY-MM-DD, in:notes</source>
        <translation>词语与 &quot;短语&quot;；OR、-排除词、title:、reporter:、tag:、publication:、from:YYYY-MM-DD、to:YYYY-MM-DD、in:notes</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Order of the hits</source>
        <translation>结果排序</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>无结果</translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation>%1 条结果</translation>
    </message>
    <message>
        <source>ranked among the newest %1</source>
        <translation>在最新的 %1 条中排序</translation>
    </message>
    <message>
        <source>Load more (%1 of %2 shown)</source>
        <translation>加载更多（已显示 %1 / %2 条）</translation>
    </message>
    <message>
        <source>More than %1 hits</source>
        <translation>超过 %1 条结果</translation>
    </message>
    <message>
        <source>Load more (%1 of more than %2 shown)</source>
        <translation>加载更多（已显示 %1 条，共超过 %2 条）</translation>
    </message>
</context>
<context>
    <name>dubao::SearchResultsModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>dubao::SearchService</name>
    <message>
        <source>database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <source>tag: needs a library with tags</source>
        <translation>tag: 需要含有标签的文库</translation>
    </message>
    <message>
        <source>in:notes: this library has no notes index</source>
        <translation>in:notes: 这个文库没有笔记索引</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>person: and office: need a library with the people index</source>
        <translation>person： 和 office： 需要带人物索引的文库</translation>
    </message>
    <message>
        <source>own: needs the text-reuse index, which this library does not have yet; build it with Tools → Build Reuse Index or dubao-cli reuse --rebuild</source>
        <translation>own: 需要文本复用索引，但此资料库尚未建立；请通过“工具 → 建立文本复用索引”或 dubao-cli reuse --rebuild 建立</translation>
    </message>
    <message>
        <source>this team library has no search index</source>
        <translation>此团队文库没有检索索引</translation>
    </message>
    <message>
        <source>author:%1: nobody has annotated anything in this library yet</source>
        <translation>author:%1：此文库中还没有人做过批注</translation>
    </message>
    <message>
        <source>author:%1: nobody of that name has annotated this library (authors: %2)</source>
        <translation>author:%1：没有此名字的人在此文库中做过批注（作者：%2）</translation>
    </message>
</context>
<context>
    <name>dubao::SearchWorker</name>
    <message>
        <source>The library cannot be opened for searching: %1</source>
        <translation>无法打开文库进行搜索：%1</translation>
    </message>
</context>
<context>
    <name>dubao::SeenEntry</name>
    <message>
        <source>someone else removed this entry from its notebook since; there is nothing left to remove</source>
        <translation>此后已有他人把这条内容从笔记本中移除；没有可移除的内容了</translation>
    </message>
    <message>
        <source>this notebook entry was changed by %1 since; it is kept with their change</source>
        <translation>此后 %1 修改了这条笔记本内容；保留其修改</translation>
    </message>
</context>
<context>
    <name>dubao::SeenHighlight</name>
    <message>
        <source>someone else deleted this highlight since; there is nothing left to delete</source>
        <translation>此后有他人删除了这个高亮；已无可删除的内容</translation>
    </message>
    <message>
        <source>someone else changed the tags of this highlight since (%1 tags then, %2 now); it is kept with their change</source>
        <translation>此后有他人更改了这个高亮的标签（当时 %1 个，现在 %2 个）；保留其更改</translation>
    </message>
</context>
<context>
    <name>dubao::SeenNote</name>
    <message>
        <source>someone else deleted this note since; there is nothing left to delete</source>
        <translation>此后已有他人删除了这条批注；没有可删除的内容了</translation>
    </message>
    <message>
        <source>someone else changed the tags of this note since (%1 tags then, %2 now); it is kept with their change</source>
        <translation>此后已有他人修改了这条批注的标签（当时 %1 个，现在 %2 个）；保留其修改</translation>
    </message>
</context>
<context>
    <name>dubao::SeenNotebook</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>an unknown author</source>
        <translation>未知作者</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <source>someone else deleted this notebook since; there is nothing left to delete</source>
        <translation>此后已有他人删除了这个笔记本；没有可删除的内容了</translation>
    </message>
    <message>
        <source>notebook “%1” was renamed by %2 since; it is kept with their change</source>
        <translation>此后 %2 给笔记本“%1”改了名；保留其修改</translation>
    </message>
    <message>
        <source>%1 added an entry to notebook “%2” since; it is kept with their change</source>
        <translation>此后 %1 在笔记本“%2”中加入了一条内容；保留其修改</translation>
    </message>
    <message>
        <source>an entry of notebook “%1” was changed by %2 since; it is kept with their change</source>
        <translation>此后 %2 修改了笔记本“%1”中的一条内容；保留其修改</translation>
    </message>
    <message>
        <source>someone else removed an entry of notebook “%1” since (%2 entries then, %3 now); it is kept with their change</source>
        <translation>此后已有他人从笔记本“%1”中移除了一条内容（当时 %2 条，现在 %3 条）；保留其修改</translation>
    </message>
</context>
<context>
    <name>dubao::ShareNotebookCommand</name>
    <message>
        <source>Share Notebook</source>
        <translation>共享笔记本</translation>
    </message>
    <message>
        <source>Make Notebook Private</source>
        <translation>将笔记本设为私有</translation>
    </message>
</context>
<context>
    <name>dubao::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>dubao::Store</name>
    <message>
        <source>cannot read the library: %1</source>
        <translation>无法读取文库：%1</translation>
    </message>
    <message>
        <source>is a folder, not a Dubao library</source>
        <translation>是文件夹，不是 Dubao 文库</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>not a Dubao library (not an SQLite file)</source>
        <translation>不是 Dubao 文库（不是 SQLite 文件）</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>无法打开：%1</translation>
    </message>
    <message>
        <source>not a Dubao library (an SQLite file of another application, id 0x%1)</source>
        <translation>不是 Dubao 文库（是其他应用程序的 SQLite 文件，标识 0x%1）</translation>
    </message>
    <message>
        <source>not a Dubao library (an SQLite file with other tables)</source>
        <translation>不是 Dubao 文库（是含有其他数据表的 SQLite 文件）</translation>
    </message>
    <message>
        <source>not a Dubao library (Dubao&apos;s id but no schema version)</source>
        <translation>不是 Dubao 文库（有 Dubao 的标识，却没有数据库结构版本）</translation>
    </message>
    <message>
        <source>library was made by a newer Dubao (schema %1, this version knows %2)</source>
        <translation>文库由更新版本的 Dubao 创建（数据库结构版本 %1，本版本只支持到 %2）</translation>
    </message>
    <message>
        <source>the library is read-only and needs an upgrade from schema %1 to %2</source>
        <translation>文库为只读，但需要把数据库结构从版本 %1 升级到 %2</translation>
    </message>
    <message>
        <source>cannot set journal mode: %1</source>
        <translation>无法设置日志模式：%1</translation>
    </message>
    <message>
        <source>cannot set synchronous mode: %1</source>
        <translation>无法设置同步模式：%1</translation>
    </message>
    <message>
        <source>cannot back up before upgrading the schema: %1</source>
        <translation>升级数据库结构前无法备份：%1</translation>
    </message>
    <message>
        <source>this program cannot open Dubao libraries: schema step %1 of the %2 layer is not registered</source>
        <translation>本程序无法打开 Dubao 文库：%2 层的数据库结构步骤 %1 未注册</translation>
    </message>
    <message>
        <source>cannot upgrade schema %1 to %2: %3</source>
        <translation>无法把数据库结构从版本 %1 升级到 %2：%3</translation>
    </message>
    <message>
        <source>cannot store: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>the library is not open</source>
        <translation>文库未打开</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>无法开始事务：%1</translation>
    </message>
    <message>
        <source>no transaction to commit</source>
        <translation>没有可提交的事务</translation>
    </message>
    <message>
        <source>an in-memory library has no backups</source>
        <translation>内存中的文库没有备份</translation>
    </message>
    <message>
        <source>cannot create the backup folder %1</source>
        <translation>无法创建备份文件夹 %1</translation>
    </message>
    <message>
        <source>cannot back up: %1</source>
        <translation>无法备份：%1</translation>
    </message>
    <message>
        <source>cannot back up to %1: %2</source>
        <translation>无法备份到 %1：%2</translation>
    </message>
    <message>
        <source>cannot rename the backup to %1</source>
        <translation>无法把备份重命名为 %1</translation>
    </message>
    <message>
        <source>not a Dubao library (wrong application id)</source>
        <translation>不是 Dubao 文库（应用程序标识不符）</translation>
    </message>
    <message>
        <source>schema version %1 is not one this Dubao can open (1 to %2)</source>
        <translation>本版本的 Dubao 打不开数据库结构版本 %1（只能打开 1 至 %2）</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <source>cannot keep a copy of %1 (%2); nothing was restored</source>
        <translation>无法保留 %1 的副本（%2）；未还原任何内容</translation>
    </message>
    <message>
        <source>cannot copy %1 beside the library</source>
        <translation>无法把 %1 复制到文库旁边</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
    <message>
        <source>no issue with id %1</source>
        <translation>没有编号为 %1 的期次</translation>
    </message>
    <message>
        <source>a tag name cannot be empty</source>
        <translation>标签名称不能为空</translation>
    </message>
    <message>
        <source>a tag name cannot contain &apos;/&apos; (it separates parent and child)</source>
        <translation>标签名称不能包含“/”（它用来分隔上级与下级标签）</translation>
    </message>
    <message>
        <source>a tag name can have at most %1 characters</source>
        <translation>标签名称最多 %1 个字符</translation>
    </message>
    <message>
        <source>a tag name cannot contain control characters or line breaks</source>
        <translation>标签名称不能包含控制字符或换行</translation>
    </message>
    <message>
        <source>a tag named &apos;%1&apos; already exists there</source>
        <translation>该处已有名为“%1”的标签</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a colour (write #RRGGBB)</source>
        <translation>“%1”不是颜色（请写作 #RRGGBB）</translation>
    </message>
    <message>
        <source>cannot read the new tag back</source>
        <translation>无法读回新标签</translation>
    </message>
    <message>
        <source>cannot move a tag under itself or one of its children</source>
        <translation>不能把标签移到它自己或它的下级标签之下</translation>
    </message>
    <message>
        <source>no article with id %1</source>
        <translation>没有编号为 %1 的文章</translation>
    </message>
    <message>
        <source>no block with id %1</source>
        <translation>没有编号为 %1 的段落</translation>
    </message>
    <message>
        <source>cannot merge a tag into itself</source>
        <translation>不能把标签合并到它自己</translation>
    </message>
    <message>
        <source>cannot merge a tag into one of its own children</source>
        <translation>不能把标签合并到它的下级标签</translation>
    </message>
    <message>
        <source>cannot merge: both tags have a child named &apos;%1&apos;</source>
        <translation>无法合并：两个标签都有名为“%1”的下级标签</translation>
    </message>
    <message>
        <source>cannot delete: its child &apos;%1&apos; would clash with a tag of the same name</source>
        <translation>无法删除：它的下级标签“%1”会与同名标签冲突</translation>
    </message>
    <message>
        <source>no tag with id %1</source>
        <translation>没有编号为 %1 的标签</translation>
    </message>
    <message>
        <source>no highlight with id %1</source>
        <translation>没有编号为 %1 的高亮</translation>
    </message>
    <message>
        <source>no note with id %1</source>
        <translation>没有编号为 %1 的笔记</translation>
    </message>
    <message>
        <source>range %1..%2 is outside the paragraph&apos;s text (0..%3) or empty</source>
        <translation>范围 %1..%2 超出了段落文字（0..%3）或为空</translation>
    </message>
    <message>
        <source>range %1..%2 splits a character</source>
        <translation>范围 %1..%2 把一个字符拆开了</translation>
    </message>
    <message>
        <source>no paragraph (block) with id %1</source>
        <translation>没有编号为 %1 的段落</translation>
    </message>
    <message>
        <source>highlight %1 is not in paragraph %2</source>
        <translation>高亮 %1 不在段落 %2 中</translation>
    </message>
    <message>
        <source>note %1 is on highlight %2: attach the highlight</source>
        <translation>笔记 %1 关联在高亮 %2 上：请重新关联该高亮</translation>
    </message>
    <message>
        <source>a notebook name cannot be empty</source>
        <translation>笔记本名称不能为空</translation>
    </message>
    <message>
        <source>a notebook name cannot contain control characters or line breaks</source>
        <translation>笔记本名称不能包含控制字符或换行</translation>
    </message>
    <message>
        <source>no notebook with id %1</source>
        <translation>没有编号为 %1 的笔记本</translation>
    </message>
    <message>
        <source>no notebook entry with id %1</source>
        <translation>没有编号为 %1 的笔记本条目</translation>
    </message>
    <message>
        <source>a notebook named &apos;%1&apos; already exists</source>
        <translation>已有名为“%1”的笔记本</translation>
    </message>
    <message>
        <source>no free-text notebook entry with id %1</source>
        <translation>没有编号为 %1 的自由文字笔记本条目</translation>
    </message>
    <message>
        <source>the disk is full (%1); no backup was made, the library and the earlier backups are unchanged</source>
        <translation>磁盘已满（%1）；未生成备份，文库和以前的备份均未改动</translation>
    </message>
    <message>
        <source>another program is backing up this library</source>
        <translation>另一个程序正在备份此文库</translation>
    </message>
    <message>
        <source>the object %1 is missing from %2</source>
        <translation>%2 中缺少对象 %1</translation>
    </message>
    <message>
        <source>%1 is a backup to rebuild the library from, not a copy of it</source>
        <translation>%1 是用来重建文库的备份，而不是文库的副本</translation>
    </message>
    <message>
        <source>the backup&apos;s objects are missing: %1</source>
        <translation>备份的对象缺失：%1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>cannot compress an object of %1 bytes</source>
        <translation>无法压缩 %1 字节的对象</translation>
    </message>
    <message>
        <source>the object %1 in %2 is damaged</source>
        <translation>%2 中的对象 %1 已损坏</translation>
    </message>
    <message>
        <source>the original bytes of %1 are neither in the library nor in that file; its issue is not in the backup</source>
        <translation>%1 的原始内容既不在文库中，也不在该文件中；该期未纳入备份</translation>
    </message>
    <message>
        <source>the backup was cancelled</source>
        <translation>备份已取消</translation>
    </message>
    <message>
        <source>not a Dubao backup (%1)</source>
        <translation>不是读报的备份（%1）</translation>
    </message>
    <message>
        <source>not a Dubao backup (no format)</source>
        <translation>不是读报的备份（无格式信息）</translation>
    </message>
    <message>
        <source>the backup was made by a newer Dubao (format %1)</source>
        <translation>该备份由更新版本的读报生成（格式 %1）</translation>
    </message>
    <message>
        <source>a damaged issue list: %1</source>
        <translation>期目录已损坏：%1</translation>
    </message>
    <message>
        <source>cannot read the backup: %1</source>
        <translation>无法读取备份：%1</translation>
    </message>
    <message>
        <source>the library needs an upgrade from schema %1 to %2 but holds database objects Dubao did not make (%3); nothing was changed. Run dubao-cli check --repair to remove them (a backup is made first).</source>
        <translation>文库需要从结构版本 %1 升级到 %2，但含有并非读报创建的数据库对象（%3）；未作任何改动。请运行 dubao-cli check --repair 删除它们（会先做备份）。</translation>
    </message>
    <message>
        <source>cannot verify the schema: %1</source>
        <translation>无法校验数据库结构：%1</translation>
    </message>
    <message>
        <source>the library is read-only; cannot repair its schema</source>
        <translation>文库为只读，无法修复其数据库结构</translation>
    </message>
    <message>
        <source>cannot back up before the repair: %1</source>
        <translation>修复前无法备份：%1</translation>
    </message>
    <message>
        <source>Kept a copy of the library as it was in %1.</source>
        <translation>已将文库原样保留一份副本于 %1。</translation>
    </message>
    <message>
        <source>cannot repair the schema: %1</source>
        <translation>无法修复数据库结构：%1</translation>
    </message>
    <message>
        <source>the schema still holds objects Dubao did not make: %1</source>
        <translation>数据库结构中仍有并非读报创建的对象：%1</translation>
    </message>
    <message>
        <source>cannot write the library: %1</source>
        <translation>无法写入文库：%1</translation>
    </message>
    <message>
        <source>no correction with id %1</source>
        <translation>没有 id 为 %1 的更正</translation>
    </message>
    <message>
        <source>cannot compress the stored files: %1</source>
        <translation>无法压缩所存的原始文件：%1</translation>
    </message>
    <message>
        <source>Compressing the stored files</source>
        <translation>正在压缩所存的原始文件</translation>
    </message>
    <message>
        <source>the file %1 beside it belongs to another database: opening the library would write that database&apos;s changes into it. Nothing was changed. Move %1 away (it is not this library&apos;s journal) and open the library again.</source>
        <translation>旁边的文件 %1 属于另一个数据库：打开文库会把那个数据库的改动写进本文库。没有做任何改动。请把 %1 移走（它不是本文库的日志文件），然后重新打开文库。</translation>
    </message>
    <message>
        <source>%1 is a folder; give the name of the backup file to write</source>
        <translation>%1 是一个文件夹；请给出要写入的备份文件名</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is the library itself; choose another file</source>
        <translation>%1 就是资料库本身；请选择其他文件</translation>
    </message>
    <message>
        <source>%1 exists; nothing was written (choose another name, or remove it first)</source>
        <translation>%1 已存在；未写入任何内容（请换一个名字，或先将其删除）</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete (%1), perhaps not copied or downloaded completely</source>
        <translation>文件已损坏或不完整（%1），可能没有完整复制或下载</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete (%1)</source>
        <translation>文件已损坏或不完整（%1）</translation>
    </message>
    <message>
        <source>wrong password for the user %1 on the PostgreSQL server %2 (the password is read from ~/.pgpass or the file PGPASSFILE names)</source>
        <translation>PostgreSQL 服务器 %2 上用户 %1 的密码错误（密码读自 ~/.pgpass 或 PGPASSFILE 指定的文件）</translation>
    </message>
    <message>
        <source>the PostgreSQL server %1 wants a password for the user %2: put it in ~/.pgpass (or the file PGPASSFILE names)</source>
        <translation>PostgreSQL 服务器 %1 要求用户 %2 提供密码：请写入 ~/.pgpass（或 PGPASSFILE 指定的文件）</translation>
    </message>
    <message>
        <source>the PostgreSQL server %1 has no database %2</source>
        <translation>PostgreSQL 服务器 %1 上没有数据库 %2</translation>
    </message>
    <message>
        <source>the PostgreSQL server %1 has no user %2</source>
        <translation>PostgreSQL 服务器 %1 上没有用户 %2</translation>
    </message>
    <message>
        <source>cannot reach the PostgreSQL server at %1 (is it running, and listening there?)</source>
        <translation>无法连接到位于 %1 的 PostgreSQL 服务器（它是否在运行并在该地址监听？）</translation>
    </message>
    <message>
        <source>cannot connect to the PostgreSQL server at %1: %2</source>
        <translation>无法连接到位于 %1 的 PostgreSQL 服务器：%2</translation>
    </message>
    <message>
        <source>not a team library address; write postgresql://USER@HOST:PORT/DATABASE</source>
        <translation>不是团队资料库地址；请写成 postgresql://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>a password does not belong in the address: put it in ~/.pgpass (or the file PGPASSFILE names)</source>
        <translation>密码不应写在地址中：请写入 ~/.pgpass（或 PGPASSFILE 指定的文件）</translation>
    </message>
    <message>
        <source>cannot open a team library: Qt&apos;s PostgreSQL driver (QPSQL, Debian&apos;s package libqt6sql6-psql) is not installed</source>
        <translation>无法打开团队资料库：未安装 Qt 的 PostgreSQL 驱动（QPSQL，Debian 软件包 libqt6sql6-psql）</translation>
    </message>
    <message>
        <source>the user %1 may not make a library in the database %2 (its owner can allow it: GRANT CREATE ON SCHEMA public TO %1)</source>
        <translation>用户 %1 无权在数据库 %2 中建立资料库（数据库所有者可以授权：GRANT CREATE ON SCHEMA public TO %1）</translation>
    </message>
    <message>
        <source>not a Dubao library (a PostgreSQL database with other tables)</source>
        <translation>不是读报资料库（这是一个含有其他表的 PostgreSQL 数据库）</translation>
    </message>
    <message>
        <source>not a Dubao library (a team library of schema %1)</source>
        <translation>不是读报资料库（团队资料库的架构版本为 %1）</translation>
    </message>
    <message>
        <source>the user %1 may not connect to the database %2 on the PostgreSQL server %3 (its owner gives access: dubao-cli team add-user)</source>
        <translation>用户 %1 无权连接 PostgreSQL 服务器 %3 上的数据库 %2（由其所有者授权：dubao-cli team add-user）</translation>
    </message>
    <message>
        <source>the user %1 may not do this on this team library</source>
        <translation>用户 %1 无权在此团队文库中执行此操作</translation>
    </message>
    <message>
        <source>not allowed: %1 (the server refused: %2)</source>
        <translation>不允许：%1（服务器拒绝：%2）</translation>
    </message>
    <message>
        <source>the connection to the PostgreSQL server %1 was lost; the change was not saved</source>
        <translation>与 PostgreSQL 服务器 %1 的连接已断开；更改未保存</translation>
    </message>
    <message>
        <source>the connection to the PostgreSQL server %1 was lost</source>
        <translation>与 PostgreSQL 服务器 %1 的连接已断开</translation>
    </message>
    <message>
        <source>cannot set up the roles: %1</source>
        <translation>无法设置角色：%1</translation>
    </message>
    <message>
        <source>roles belong to a team library (postgresql://USER@HOST:PORT/DATABASE), not to a library file</source>
        <translation>角色属于团队文库（postgresql://用户@主机:端口/数据库），不属于文库文件</translation>
    </message>
    <message>
        <source>cannot read the user&apos;s role</source>
        <translation>无法读取用户的角色</translation>
    </message>
    <message>
        <source>%1 is a reader of this team library: a reader may read, search and export, not annotate or change it</source>
        <translation>%1 是此团队文库的读者：读者可以阅读、检索和导出，不能标注或修改</translation>
    </message>
    <message>
        <source>%1 is an annotator of this team library: an annotator may read, search, export and annotate (tags on text, highlights, notes, notebooks), not import, replace, re-parse, correct the OCR or define tags</source>
        <translation>%1 是此团队文库的标注者：标注者可以阅读、检索、导出和标注（正文标签、高亮、批注、笔记本），不能导入、替换、重新解析、校正 OCR 或定义标签</translation>
    </message>
    <message>
        <source>%1 is an editor of this team library: an editor may read, annotate, import, replace, re-parse, correct the OCR and define tags, not change the schema or the roles</source>
        <translation>%1 是此团队文库的编辑：编辑可以阅读、标注、导入、替换、重新解析、校正 OCR 和定义标签，不能更改数据库结构或角色</translation>
    </message>
    <message>
        <source>%1 owns this team library</source>
        <translation>%1 是此团队文库的所有者</translation>
    </message>
    <message>
        <source>%1 has no role on this team library (its owner gives one with dubao-cli team add-user)</source>
        <translation>%1 在此团队文库中没有角色（由所有者通过 dubao-cli team add-user 分配）</translation>
    </message>
    <message>
        <source>the user %1 may not set up the roles: it takes the library&apos;s owner (%2) with the right to create roles (a superuser grants it: ALTER ROLE %2 CREATEROLE)</source>
        <translation>用户 %1 无权设置角色：需要由有权创建角色的文库所有者（%2）执行（由超级用户授予：ALTER ROLE %2 CREATEROLE）</translation>
    </message>
    <message>
        <source>%1: may read, search and export</source>
        <translation>%1：可以阅读、检索和导出</translation>
    </message>
    <message>
        <source>%1: may also annotate (tags on text, highlights, notes, notebooks)</source>
        <translation>%1：还可以标注（正文标签、高亮、批注、笔记本）</translation>
    </message>
    <message>
        <source>%1: may also import, replace, re-parse, correct the OCR and define tags</source>
        <translation>%1：还可以导入、替换、重新解析、校正 OCR 和定义标签</translation>
    </message>
    <message>
        <source>“%1” is not a user name for the server: letters, digits, _ . and -, starting with a letter or _, at most 63</source>
        <translation>“%1”不是服务器可用的用户名：只能包含字母、数字、_ . 和 -，以字母或 _ 开头，最多 63 个字符</translation>
    </message>
    <message>
        <source>the password is empty</source>
        <translation>密码为空</translation>
    </message>
    <message>
        <source>the team library has no roles yet: run dubao-cli team init first</source>
        <translation>团队文库尚无角色：请先运行 dubao-cli team init</translation>
    </message>
    <message>
        <source>the server already has a user (or role) %1</source>
        <translation>服务器上已有用户（或角色）%1</translation>
    </message>
    <message>
        <source>cannot reach the server&apos;s connection</source>
        <translation>无法访问服务器连接</translation>
    </message>
    <message>
        <source>cannot encrypt the password: %1</source>
        <translation>无法加密密码：%1</translation>
    </message>
    <message>
        <source>only a team library sends change notices</source>
        <translation>只有团队文库会发送变更通知</translation>
    </message>
    <message>
        <source>cannot listen to the team library&apos;s changes: %1</source>
        <translation>无法监听团队文库的变更：%1</translation>
    </message>
    <message>
        <source>note %1 was changed by %2 at %3 since you read it (version %4); your text is not saved</source>
        <translation>您读取笔记 %1 之后，%2 于 %3 修改了它（版本 %4）；您的文字未保存</translation>
    </message>
    <message>
        <source>an unknown author</source>
        <translation>未知作者</translation>
    </message>
    <message>
        <source>the tags of the library merged from refer to a missing or circular parent</source>
        <translation>来源文库的标签引用了缺失的或循环的父标签</translation>
    </message>
    <message>
        <source>its paragraph is missing from the library merged from</source>
        <translation>来源文库中缺少其段落</translation>
    </message>
    <message>
        <source>the library merged into has no issue of the same source file (%1)</source>
        <translation>目标文库中没有同一源文件的期次（%1）</translation>
    </message>
    <message>
        <source>no paragraph of the matching issue has its text (%1)</source>
        <translation>对应期次中没有段落包含其文字（%1）</translation>
    </message>
    <message>
        <source>its article is missing from the library merged from</source>
        <translation>来源文库中缺少其文章</translation>
    </message>
    <message>
        <source>no article of the matching issue has its headline (%1)</source>
        <translation>对应期次中没有文章使用其标题（%1）</translation>
    </message>
    <message>
        <source>highlight %1 “%2”</source>
        <translation>高亮 %1“%2”</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>an orphan in the library merged from</source>
        <translation>来源文库中的孤立批注</translation>
    </message>
    <message>
        <source>note %1 “%2”</source>
        <translation>笔记 %1“%2”</translation>
    </message>
    <message>
        <source>its highlight %1 was not merged</source>
        <translation>其高亮 %1 未合并</translation>
    </message>
    <message>
        <source>tag on paragraph %1: %2</source>
        <translation>段落 %1 上的标签：%2</translation>
    </message>
    <message>
        <source>tag on article %1: %2</source>
        <translation>文章 %1 上的标签：%2</translation>
    </message>
    <message>
        <source>notebook “%1”: its highlight %2 was not merged</source>
        <translation>笔记本“%1”：其高亮 %2 未合并</translation>
    </message>
    <message>
        <source>notebook “%1”: its note %2 was not merged</source>
        <translation>笔记本“%1”：其笔记 %2 未合并</translation>
    </message>
    <message>
        <source>%1 is not a user of the team library %2</source>
        <translation>%1 不是团队文库 %2 的用户</translation>
    </message>
    <message>
        <source>not allowed: %1</source>
        <translation>不允许：%1</translation>
    </message>
    <message>
        <source>highlight %1 was changed by %2 at %3 since you read it (version %4); nothing was deleted</source>
        <translation>在你读取之后，高亮 %1 已被 %2 于 %3 修改（版本 %4）；未删除任何内容</translation>
    </message>
    <message>
        <source>this highlight has no known author (it is older than authorship): only an editor changes it</source>
        <translation>此高亮没有已知作者（早于作者记录）：只有编辑者能修改</translation>
    </message>
    <message>
        <source>this note has no known author (it is older than authorship): only an editor changes it</source>
        <translation>此笔记没有已知作者（早于作者记录）：只有编辑者能修改</translation>
    </message>
    <message>
        <source>this tag on the text has no known author (it is older than authorship): only an editor changes it</source>
        <translation>正文上的此标签没有已知作者（早于作者记录）：只有编辑者能修改</translation>
    </message>
    <message>
        <source>this notebook has no known author (it is older than authorship): only an editor changes it</source>
        <translation>此笔记本没有已知作者（早于作者记录）：只有编辑者能修改</translation>
    </message>
    <message>
        <source>this highlight is %1&apos;s: an annotator changes only their own highlights</source>
        <translation>此高亮属于 %1：批注者只能修改自己的高亮</translation>
    </message>
    <message>
        <source>this note is %1&apos;s: an annotator changes only their own notes</source>
        <translation>此笔记属于 %1：批注者只能修改自己的笔记</translation>
    </message>
    <message>
        <source>this tag on the text is %1&apos;s: an annotator changes only their own tags on text</source>
        <translation>正文上的此标签属于 %1：批注者只能修改自己在正文上加的标签</translation>
    </message>
    <message>
        <source>this notebook is %1&apos;s: an annotator changes only their own notebooks</source>
        <translation>此笔记本属于 %1：批注者只能修改自己的笔记本</translation>
    </message>
    <message>
        <source>cannot read the library&apos;s row-level security</source>
        <translation>无法读取文库的行级安全设置</translation>
    </message>
    <message>
        <source>row-level security is on: an annotator changes only their own highlights, notes, tags on text and notebooks, and a notebook is seen by others only once shared</source>
        <translation>行级安全已开启：批注者只能修改自己的高亮、笔记、正文标签和笔记本；笔记本共享后其他人才能看到</translation>
    </message>
    <message>
        <source>row-level security is on only for some of the annotation tables: the library&apos;s owner runs dubao-cli team init again to complete it</source>
        <translation>行级安全只在部分批注表上开启：请文库所有者再次运行 dubao-cli team init 以补全</translation>
    </message>
    <message>
        <source>row-level security is off: any annotator may change or delete a colleague&apos;s annotations and every notebook is seen by all; the library&apos;s owner runs dubao-cli team init to turn it on</source>
        <translation>行级安全未开启：任何批注者都能修改或删除同事的批注，所有笔记本对所有人可见；请文库所有者运行 dubao-cli team init 开启</translation>
    </message>
    <message>
        <source>%1; no backup was made, the library and the earlier backups are unchanged</source>
        <translation>%1；未进行备份，文库和此前的备份均未改动</translation>
    </message>
    <message>
        <source>not a team library</source>
        <translation>不是团队文库</translation>
    </message>
    <message>
        <source>no backup file was named</source>
        <translation>未指定备份文件</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 已存在</translation>
    </message>
    <message>
        <source>cannot make a temporary folder beside %1: %2</source>
        <translation>无法在 %1 旁创建临时文件夹：%2</translation>
    </message>
    <message>
        <source>issues</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>tagged paragraphs</source>
        <translation>已加标签的段落</translation>
    </message>
    <message>
        <source>tagged articles</source>
        <translation>已加标签的文章</translation>
    </message>
    <message>
        <source>notebooks</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>the merge was cancelled; nothing was merged</source>
        <translation>合并已取消；未合并任何内容</translation>
    </message>
    <message>
        <source>only the owner of this team library backs it up and restores it (%1&apos;s role: %2): the server shows others only the notebooks shared with them, and only the owner&apos;s restore keeps who made each annotation</source>
        <translation>只有团队资料库的所有者可以备份和恢复它（%1 的角色：%2）：服务器只向其他人显示与其共享的笔记本，也只有所有者恢复时才能保留每条批注的作者</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>非成员</translation>
    </message>
    <message>
        <source>cannot read the table %1 of the library</source>
        <translation>无法读取资料库的表 %1</translation>
    </message>
    <message>
        <source>not a Dubao backup (the table %1 has no columns)</source>
        <translation>不是读报备份（表 %1 没有列）</translation>
    </message>
    <message>
        <source>cannot make a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>the restore was cancelled</source>
        <translation>恢复已取消</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <source>someone else took the tag “%1” off since; there is nothing left to take off</source>
        <translation>此后已有他人去掉了标签“%1”；没有可去掉的了</translation>
    </message>
    <message>
        <source>the tag “%1” was put on again by %2 at %3 since; it stays on as theirs</source>
        <translation>此后 %2 于 %3 重新加上了标签“%1”；保留为其所加</translation>
    </message>
    <message>
        <source>what the tag “%1” was on is gone</source>
        <translation>标签“%1”所在的内容已不存在</translation>
    </message>
    <message>
        <source>the tag “%1” could not be put back</source>
        <translation>无法恢复标签“%1”</translation>
    </message>
    <message>
        <source>note %1 was changed by %2 at %3 since you read it (version %4); nothing was deleted</source>
        <translation>您读取批注 %1 之后，%2 于 %3 修改了它（版本 %4）；未删除任何内容</translation>
    </message>
    <message>
        <source>tag “%1” created</source>
        <translation>已创建标签“%1”</translation>
    </message>
    <message>
        <source>tag “%1” on highlight %2</source>
        <translation>高亮 %2 上的标签“%1”</translation>
    </message>
    <message>
        <source>tag “%1” on note %2</source>
        <translation>批注 %2 上的标签“%1”</translation>
    </message>
    <message>
        <source>highlight “%1” on paragraph %2 (highlight %3)</source>
        <translation>段落 %2 上的高亮“%1”（高亮 %3）</translation>
    </message>
    <message>
        <source>note “%1” on paragraph %2 (note %3)</source>
        <translation>段落 %2 上的批注“%1”（批注 %3）</translation>
    </message>
    <message>
        <source>tag “%1” on paragraph %2</source>
        <translation>段落 %2 上的标签“%1”</translation>
    </message>
    <message>
        <source>tag “%1” on article %2</source>
        <translation>文章 %2 上的标签“%1”</translation>
    </message>
    <message>
        <source>notebook “%1” created</source>
        <translation>已创建笔记本“%1”</translation>
    </message>
    <message>
        <source>notebook “%1”: highlight %2 added</source>
        <translation>笔记本“%1”：已加入高亮 %2</translation>
    </message>
    <message>
        <source>notebook “%1”: note %2 added</source>
        <translation>笔记本“%1”：已加入批注 %2</translation>
    </message>
    <message>
        <source>notebook “%1”: text “%2” added</source>
        <translation>笔记本“%1”：已加入文字“%2”</translation>
    </message>
</context>
<context>
    <name>dubao::TagDock</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New tag (Ctrl+Shift+N)</source>
        <translation>新建标签 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子标签</translation>
    </message>
    <message>
        <source>New tag inside the selected one</source>
        <translation>在所选标签下新建子标签</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the tag (F2)</source>
        <translation>重命名标签 (F2)</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Change the tag&apos;s colour</source>
        <translation>更改标签颜色</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge the tag into another</source>
        <translation>将标签合并到另一个标签</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the tag (what it tags stays)</source>
        <translation>删除标签（所标注的内容保留）</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n 处高亮</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Name of the new tag inside “%1”:</source>
        <translation>“%1”下新标签的名称：</translation>
    </message>
    <message>
        <source>Name of the new tag:</source>
        <translation>新标签的名称：</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>Move Tag</source>
        <translation>移动标签</translation>
    </message>
    <message>
        <source>Move “%1” into:</source>
        <translation>将“%1”移到：</translation>
    </message>
    <message>
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Merge “%1” into (everything it tags gets that tag; “%1” goes):</source>
        <translation>将“%1”合并到（它所标注的内容都会改用该标签；“%1”将被删除）：</translation>
    </message>
    <message>
        <source>Delete the tag “%1”? It is on %2. What it tags stays; only the tag goes, and its child tags move up a level. (Edit → Undo brings it back.)</source>
        <translation>要删除标签“%1”吗？标注对象：%2。所标注的内容会保留，只删除标签本身，其子标签上移一级。（“编辑 → 撤销”可以恢复。）</translation>
    </message>
    <message>
        <source>New Tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>New Child Tag…</source>
        <translation>新建子标签…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移到…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Show Annotations</source>
        <translation>显示批注</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Tag definitions are the editors&apos; on a team library: %1.</source>
        <translation>在团队文库中，标签定义由编辑者管理：%1。</translation>
    </message>
</context>
<context>
    <name>dubao::TagPalette</name>
    <message>
        <source>Tag name — Enter applies, a new name creates the tag</source>
        <translation>标签名称——按 Enter 应用，输入新名称则新建标签</translation>
    </message>
</context>
<context>
    <name>dubao::TaggingCommand</name>
    <message>
        <source>Tag Article “%1”</source>
        <translation>为文章加标签“%1”</translation>
    </message>
    <message>
        <source>Untag Article “%1”</source>
        <translation>移除文章标签“%1”</translation>
    </message>
    <message>
        <source>Tag Paragraph “%1”</source>
        <translation>为段落加标签“%1”</translation>
    </message>
    <message>
        <source>Untag Paragraph “%1”</source>
        <translation>移除段落标签“%1”</translation>
    </message>
    <message>
        <source>Tag Highlight “%1”</source>
        <translation>为高亮加标签“%1”</translation>
    </message>
    <message>
        <source>Untag Highlight “%1”</source>
        <translation>移除高亮标签“%1”</translation>
    </message>
    <message>
        <source>Tag Note “%1”</source>
        <translation>为笔记加标签“%1”</translation>
    </message>
    <message>
        <source>Untag Note “%1”</source>
        <translation>移除笔记标签“%1”</translation>
    </message>
</context>
<context>
    <name>dubao::TeamBackupPart</name>
    <message>
        <source>Back Up &amp;Team Library…</source>
        <translation>备份团队文库(&amp;T)…</translation>
    </message>
    <message>
        <source>Restore T&amp;eam Library…</source>
        <translation>还原团队文库(&amp;E)…</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>未打开文库。</translation>
    </message>
    <message>
        <source>This is a library file: File → Back Up to File… and Restore from Backup… keep it safe.</source>
        <translation>这是文库文件：请用“文件 → 备份到文件…”和“从备份还原…”保护它。</translation>
    </message>
    <message>
        <source>One file on this computer that holds the team library&apos;s issues and everyone&apos;s work; Restore Team Library… reads it into an empty one</source>
        <translation>在本机保存一个文件，包含团队文库的期次和所有人的工作；“还原团队文库…”可将其读入一个空文库</translation>
    </message>
    <message>
        <source>Reads a backup into this team library, which must be empty</source>
        <translation>将备份读入此团队文库（此文库必须为空）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Back Up Team Library</source>
        <translation>备份团队文库</translation>
    </message>
    <message>
        <source>Copying the rows from the server: %1 of %2…</source>
        <translation>正在从服务器复制数据：%1 / %2…</translation>
    </message>
    <message>
        <source>Writing the backup: %1 of %2 issue lists…</source>
        <translation>正在写入备份：%1 / %2 个期次列表…</translation>
    </message>
    <message>
        <source>No backup of the team library was made: %1</source>
        <translation>未备份团队文库：%1</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was written.</source>
        <translation>备份已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Backed up the team library to %1 (%2)</source>
        <translation>已将团队文库备份到 %1（%2）</translation>
    </message>
    <message>
        <source>Restore Team Library</source>
        <translation>还原团队文库</translation>
    </message>
    <message>
        <source>Rebuilding the issues: %1 of %2 parsed and indexed…</source>
        <translation>正在重建期次：已解析并索引 %1 / %2…</translation>
    </message>
    <message>
        <source>Copying the rows to the server: %1 of %2…</source>
        <translation>正在向服务器复制数据：%1 / %2…</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>未还原任何内容：%1</translation>
    </message>
    <message>
        <source>The restore was cancelled; the team library is still empty.</source>
        <translation>还原已取消；团队文库仍为空。</translation>
    </message>
    <message>
        <source>the backup was restored, but the team library could not be opened again: %1</source>
        <translation>备份已还原，但无法重新打开团队文库：%1</translation>
    </message>
    <message>
        <source>Restored %1 into the team library (issues: %2)</source>
        <translation>已将 %1 还原到团队文库（期次：%2）</translation>
    </message>
    <message>
        <source>; annotations that could not be placed: %1 (see the Orphans panel)</source>
        <translation>；无法放置的批注：%1（见“孤立批注”面板）</translation>
    </message>
    <message>
        <source>Dubao backups (*.dubao-backup)</source>
        <translation>Dubao 备份 (*.dubao-backup)</translation>
    </message>
    <message>
        <source>No backup was made: %1</source>
        <translation>未进行备份：%1</translation>
    </message>
    <message>
        <source>Dubao backups (*.dubao-backup *.sqlite)</source>
        <translation>Dubao 备份 (*.dubao-backup *.sqlite)</translation>
    </message>
    <message>
        <source>Restore %1 into this team library?

It must be empty. Everyone connected to it sees the restored issues and work once it is done.</source>
        <translation>将 %1 还原到此团队文库？

此文库必须为空。完成后，所有已连接的人都会看到还原的期次和工作。</translation>
    </message>
</context>
<context>
    <name>dubao::TeamChangeListener</name>
    <message>
        <source>%1 imported issues into the library</source>
        <translation>%1 向文库导入了期次</translation>
    </message>
    <message>
        <source>%1 changed issues of the library</source>
        <translation>%1 修改了文库中的期次</translation>
    </message>
    <message>
        <source>%1 corrected the text of an article</source>
        <translation>%1 校正了一篇文章的文字</translation>
    </message>
    <message>
        <source>%1 corrected the text of “%2”</source>
        <translation>%1 校正了“%2”的文字</translation>
    </message>
    <message>
        <source>%1 changed notes</source>
        <translation>%1 修改了笔记</translation>
    </message>
    <message>
        <source>%1 added a note to “%2”</source>
        <translation>%1 给“%2”添加了笔记</translation>
    </message>
    <message>
        <source>%1 changed notes on “%2”</source>
        <translation>%1 修改了“%2”上的笔记</translation>
    </message>
    <message>
        <source>%1 changed highlights</source>
        <translation>%1 修改了高亮</translation>
    </message>
    <message>
        <source>%1 highlighted text in “%2”</source>
        <translation>%1 在“%2”中高亮了文字</translation>
    </message>
    <message>
        <source>%1 changed highlights in “%2”</source>
        <translation>%1 修改了“%2”中的高亮</translation>
    </message>
    <message>
        <source>%1 changed tags</source>
        <translation>%1 修改了标签</translation>
    </message>
    <message>
        <source>%1 tagged “%2”</source>
        <translation>%1 给“%2”加了标签</translation>
    </message>
    <message>
        <source>%1 changed a notebook</source>
        <translation>%1 修改了一个笔记本</translation>
    </message>
    <message>
        <source>%1 changed the library</source>
        <translation>%1 修改了文库</translation>
    </message>
    <message>
        <source>untitled article</source>
        <translation>无标题文章</translation>
    </message>
    <message>
        <source>%1 removed a correction of “%2”</source>
        <translation>%1 撤销了对“%2”的一处更正</translation>
    </message>
    <message>
        <source>%1 deleted a note on “%2”</source>
        <translation>%1 删除了“%2”上的一条笔记</translation>
    </message>
    <message>
        <source>%1 removed a highlight in “%2”</source>
        <translation>%1 删除了“%2”中的一处高亮</translation>
    </message>
    <message>
        <source>%1 removed a tag from “%2”</source>
        <translation>%1 从“%2”上移除了一个标签</translation>
    </message>
</context>
<context>
    <name>dubao::TeamLibraryDialog</name>
    <message>
        <source>&amp;Remember the password in the keychain</source>
        <translation>在钥匙串中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Open Team Library</source>
        <translation>打开团队文库</translation>
    </message>
    <message>
        <source>A team library is a Dubao library on a PostgreSQL server that a research group shares. What you may do in it (read, annotate, edit) is your role on the server.</source>
        <translation>团队文库是研究小组共享的、位于 PostgreSQL 服务器上的读报文库。您在其中能做什么（阅读、标注、编辑）取决于您在服务器上的角色。</translation>
    </message>
    <message>
        <source>empty: from ~/.pgpass</source>
        <translation>留空：从 ~/.pgpass 读取</translation>
    </message>
    <message>
        <source>No keychain is available (no Secret Service, such as GNOME Keyring or KWallet, runs in this session). Leave the password empty to use ~/.pgpass, or type it each time.</source>
        <translation>没有可用的钥匙串（本会话中未运行 GNOME Keyring 或 KWallet 等 Secret Service）。密码留空以使用 ~/.pgpass，或每次输入。</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Dubao never writes the password to its settings: it is kept in memory while Dubao runs, in the keychain if you ask, or read from ~/.pgpass when you leave it empty.</source>
        <translation>读报从不把密码写入设置：运行期间保存在内存中，如您选择则保存在钥匙串中，留空时从 ~/.pgpass 读取。</translation>
    </message>
</context>
<context>
    <name>dubao::TermTrends</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>cannot read the library: %1</source>
        <translation>无法读取文库：%1</translation>
    </message>
</context>
<context>
    <name>dubao::TrendChart</name>
    <message>
        <source>Type one or more queries and press Draw.</source>
        <translation>请输入一个或多个查询，然后按“绘制”。</translation>
    </message>
    <message>
        <source>The library has no dated issues.</source>
        <translation>文库中没有带日期的期次。</translation>
    </message>
    <message>
        <source>hits per issue</source>
        <translation>每期命中数</translation>
    </message>
    <message>
        <source>hits per 10,000 characters</source>
        <translation>每万字命中数</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n hit(s) in %3 issues (%4)</source>
        <translation>
            <numerusform>%1 — %2：%3 期中命中 %n 次（%4）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dubao::TrendsView</name>
    <message>
        <source>&amp;Draw</source>
        <translation>绘制(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Queries, separated by ; (e.g. 乡村振兴; 高质量发展 from:2023-01-01)</source>
        <translation>查询，以 ; 分隔（如 乡村振兴; 高质量发展 from:2023-01-01）</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Per quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>按年</translation>
    </message>
    <message>
        <source>Hits per issue</source>
        <translation>每期命中数</translation>
    </message>
    <message>
        <source>Hits per 10,000 characters</source>
        <translation>每万字命中数</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>折线</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>柱状</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>未打开文库。</translation>
    </message>
    <message>
        <source>Type one or more queries.</source>
        <translation>请输入一个或多个查询。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n hit(s)</source>
        <translation>
            <numerusform>%1：命中 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n in undated issues, not drawn)</source>
        <translation>
            <numerusform>（另有 %n 次在无日期期次中，未绘出）</numerusform>
        </translation>
    </message>
    <message>
        <source>Shaded periods have no issue in the library. Click a point to see its hits.</source>
        <translation>阴影时段文库中无期次。单击数据点可查看其命中。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Trend</source>
        <translation>导出趋势</translation>
    </message>
    <message>
        <source>trend.png</source>
        <translation>trend.png</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>&amp;Own text beside all</source>
        <translation>自有文本与全部对照(&amp;O)</translation>
    </message>
    <message>
        <source>Draw each query a second time counting only the paper&apos;s own text (own:yes): the paragraphs it shares with no other article. Needs the text-reuse index (Tools → Build Reuse Index).</source>
        <translation>为每个查询再画一条曲线，只统计本报自有文本（own:yes）：即未与其他文章共有的段落。需要文本复用索引（工具 → 建立文本复用索引）。</translation>
    </message>
</context>
<context>
    <name>dubao::UndoFeedback</name>
    <message>
        <source>Undid: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Redid: %1</source>
        <translation>已重做：%1</translation>
    </message>
</context>
<context>
    <name>dubao::YearCalendar</name>
    <message>
        <source>%1 · %2</source>
        <comment>month · issues</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No issue: a gap in the archive</source>
        <translation>无期次：馆藏缺口</translation>
    </message>
    <message>
        <source>No issue</source>
        <translation>无期次</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation>
    </message>
    <message>
        <source>The year was inferred, not printed</source>
        <translation>年份为推断，并非报上所印</translation>
    </message>
</context>
<context>
    <name>dubao::exporttext</name>
    <message>
        <source>reporters: %1</source>
        <translation>记者：%1</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>%1 excerpt(s)</source>
        <translation>%1 条摘录</translation>
    </message>
    <message>
        <source>exported %1</source>
        <translation>导出于 %1</translation>
    </message>
    <message>
        <source>(untitled article)</source>
        <translation>（无标题文章）</translation>
    </message>
    <message>
        <source>This excerpt&apos;s paragraph is no longer in the library.</source>
        <translation>这条摘录所在的段落已不在文库中。</translation>
    </message>
    <message>
        <source>Issue date %1: the year is inferred from the text, not printed in the issue.</source>
        <translation>出版日期 %1：年份系根据正文推断，报纸上并未印出。</translation>
    </message>
    <message>
        <source>Issue date %1: the year is uncertain; it is inferred from the text, whose evidence also points at %2.</source>
        <translation>出版日期 %1：年份不确定；它由正文推断，而正文的证据也指向 %2。</translation>
    </message>
    <message>
        <source>%1 (year uncertain: also %2)</source>
        <translation>%1（年份不确定：也可能是 %2）</translation>
    </message>
    <message>
        <source>%1 (year inferred)</source>
        <translation>%1（年份为推断）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>《%1》</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <source>Cited from: %1</source>
        <translation>引自：%1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a citation</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>excerpt by %1</source>
        <translation>摘录者 %1</translation>
    </message>
    <message>
        <source>excerpt by %1, changed by %2</source>
        <translation>摘录者 %1，修改者 %2</translation>
    </message>
    <message>
        <source>note by %1</source>
        <translation>笔记作者：%1</translation>
    </message>
    <message>
        <source>note by %1, changed by %2</source>
        <translation>笔记作者：%1，修改者：%2</translation>
    </message>
    <message>
        <source>p. %1</source>
        <comment>a newspaper&apos;s page (版次): 第%1版</comment>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>p. %1 (%2)</source>
        <comment>a newspaper&apos;s page and its name</comment>
        <translation>第%1版（%2）</translation>
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
        <source>Open Library</source>
        <translation>打开文库</translation>
    </message>
    <message>
        <source>[file-or-folder-or-link...]</source>
        <translation>[文件或文件夹或链接...]</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>“%1” names nothing in this library.</source>
        <translation>此文库中没有“%1”所指的内容。</translation>
    </message>
    <message>
        <source>Nothing on the command line was imported or opened.</source>
        <translation>命令行中的文件均未导入或打开。</translation>
    </message>
    <message>
        <source>Dubao opens one library at a time; %1 is open. Not opened: %2</source>
        <translation>读报一次只能打开一个资料库；当前已打开 %1。未打开：%2</translation>
    </message>
    <message numerus="yes">
        <source>Opened the library %1; importing %n file(s) and folder(s) into it.</source>
        <translation>
            <numerusform>已打开资料库 %1；正在向其中导入 %n 个文件和文件夹。</numerusform>
        </translation>
    </message>
    <message>
        <source>Issue files or folders to import (paths or file:// URLs), a library file to open, or dubao://block/UUID and dubao://article/UUID links to open (a number instead of the UUID works too).</source>
        <translation>要导入的报纸文件或文件夹（路径或 file:// 网址）、要打开的资料库文件，或要打开的 dubao://block/UUID 和 dubao://article/UUID 链接（也可用编号代替 UUID）。</translation>
    </message>
    <message>
        <source>Nothing that was dropped was imported.</source>
        <translation>拖放的内容均未导入。</translation>
    </message>
    <message>
        <source>Opened the library %1.</source>
        <translation>已打开文库 %1。</translation>
    </message>
</context>
</TS>
