<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Inspector</source>
        <translation>关于 Inspector</translation>
    </message>
    <message>
        <source>Inspector {version}</source>
        <translation>Inspector {version}</translation>
    </message>
    <message>
        <source>Uniform and grooming inspections at the morning line-up.</source>
        <translation>班前检查：制服与仪容仪表。</translation>
    </message>
    <message>
        <source> (open read-only)</source>
        <translation>（只读打开）</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>最近备份：</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <source>When something goes wrong, send the log file to your administrator. The backups folder holds a copy of each of the last days.</source>
        <translation>遇到问题时，请把日志文件发给管理员。备份文件夹中保存着最近每天的一份备份。</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Write a checked copy of the database into its backups folder</source>
        <translation>把数据库的一份经过校验的副本写入备份文件夹</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Not available: this window has the database open read-only (another copy of Inspector has it open, or it cannot be written). Close the other copy and start Inspector again to restore a backup.</source>
        <translation>不可用：本窗口以只读方式打开数据库（另一个 Inspector 正在使用它，或者它无法写入）。请关闭另一个 Inspector 并重新启动，再从备份恢复。</translation>
    </message>
    <message>
        <source>Put a backup in place of the database; the current one is kept</source>
        <translation>用备份替换数据库；当前数据库会另存保留</translation>
    </message>
    <message>
        <source>&amp;Verify records…</source>
        <translation>核验记录(&amp;V)…</translation>
    </message>
    <message>
        <source>Check that no finished line-up was changed since it was sealed</source>
        <translation>检查已结束的班前检查在封存后没有被改动</translation>
    </message>
    <message>
        <source>Open data &amp;folder</source>
        <translation>打开数据文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>昨天 {time}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>最近备份：{when}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>The folder cannot be opened here. It is:
{folder}</source>
        <translation>无法在此打开该文件夹。它的位置是：
{folder}</translation>
    </message>
    <message>
        <source>The backups folder cannot be written: where should the copy go?</source>
        <translation>备份文件夹无法写入：备份保存到哪里？</translation>
    </message>
    <message>
        <source>Inspector backups (*.db)</source>
        <translation>Inspector 备份 (*.db)</translation>
    </message>
    <message>
        <source>Backing up {name}…</source>
        <translation>正在备份 {name}…</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The backup is saved and passed its integrity check:

{file}

Size: {size}. Folder: {folder}</source>
        <translation>备份已保存，并通过了完整性检查：

{file}

大小：{size}。文件夹：{folder}</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Inspector backups (*.db);;All files (*)</source>
        <translation>Inspector 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>进程 {pid}</translation>
    </message>
    <message>
        <source>, user {user}</source>
        <translation>，用户 {user}</translation>
    </message>
    <message>
        <source>, on {host}</source>
        <translation>，在 {host} 上</translation>
    </message>
    <message>
        <source>Restore refused</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Another copy of Inspector has the database {db} open ({who}).

Nothing was changed. Close the other copy first, then restore again.</source>
        <translation>另一个 Inspector 正在使用数据库 {db}（{who}）。

没有做任何更改。请先关闭另一个 Inspector，再重新恢复。</translation>
    </message>
    <message>
        <source>Checking the backup {name}…</source>
        <translation>正在检查备份 {name}…</translation>
    </message>
    <message>
        <source>Restore the backup made {when} ({size})?</source>
        <translation>恢复 {when} 的备份（{size}）？</translation>
    </message>
    <message>
        <source>{backup}

It replaces the database in use, {db}. The database in use now is kept beside it as a copy named {name}.before-restore-&lt;date and time&gt;; nothing is deleted. Inspector opens the restored database again.</source>
        <translation>{backup}

它将替换正在使用的数据库 {db}。当前数据库会在同一文件夹中另存为 {name}.before-restore-&lt;日期时间&gt;，不会删除任何数据。恢复后 Inspector 会重新打开数据库。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation>正在恢复 {name}…</translation>
    </message>
    <message>
        <source>Restored the backup {name} ({employees} employees).</source>
        <translation>已恢复备份 {name}（{employees} 名员工）。</translation>
    </message>
    <message>
        <source>The database that was in use is kept as:
{aside}</source>
        <translation>原来使用的数据库已另存为：
{aside}</translation>
    </message>
    <message>
        <source>Start Inspector again to work on it.</source>
        <translation>请重新启动 Inspector 继续使用。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复完成</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Recorded by mistake</source>
        <translation>录入有误</translation>
    </message>
    <message>
        <source>Checked again</source>
        <translation>复查后更正</translation>
    </message>
    <message>
        <source>Employee arrived later</source>
        <translation>员工后来到岗</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Not inspected → inspected now</source>
        <translation>未检查 → 现在检查</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>已添加照片</translation>
    </message>
    <message>
        <source>Change a finished line-up</source>
        <translation>更改已结束的班前检查</translation>
    </message>
    <message>
        <source>This line-up is finished. The change is recorded in the change log with your name, the time and a reason.</source>
        <translation>本次班前检查已结束。此次更改将连同您的姓名、时间和原因记入更改记录。</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>更改：</translation>
    </message>
    <message>
        <source>Changed by:</source>
        <translation>更改人：</translation>
    </message>
    <message>
        <source>Your name (required)</source>
        <translation>您的姓名（必填）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>BriefingCard</name>
    <message>
        <source>Briefing (讲评)</source>
        <translation>讲评</translation>
    </message>
    <message>
        <source>No line-up finished here yet.</source>
        <translation>此处尚无已结束的班前检查。</translation>
    </message>
    <message>
        <source>After the first line-up, this card shows the faults found most at the last line-up, to announce at the next one.</source>
        <translation>第一次班前检查结束后，这里会列出上次检查发现最多的问题，供下次班前会讲评。</translation>
    </message>
    <message>
        <source>Briefing (讲评) · last line-up {day}</source>
        <translation>讲评 · 上次班前检查 {day}</translation>
    </message>
    <message>
        <source>{inspected} inspected · pass rate {rate} · {with_faults} with faults</source>
        <translation>受检 {inspected} 人 · 合格率 {rate} · {with_faults} 人有问题</translation>
    </message>
    <message>
        <source>No faults found: everyone passed.</source>
        <translation>未发现问题：全部合格。</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} 人</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 人</translation>
    </message>
    <message>
        <source>and {n} other faults</source>
        <translation>另有 {n} 项问题</translation>
    </message>
    <message>
        <source>Re-checks due (复查): {n}</source>
        <translation>待复查：{n} 项</translation>
    </message>
    <message>
        <source>Re-check…</source>
        <translation>去复查…</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>另有 {n} 项</translation>
    </message>
</context>
<context>
    <name>ChangeText</name>
    <message>
        <source>Amended</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>{what}: {change} — {reason} ({who}, {when})</source>
        <translation>{what}：{change} — {reason}（{who}，{when}）</translation>
    </message>
    <message>
        <source>Amended after finishing:</source>
        <translation>检查结束后修改：</translation>
    </message>
</context>
<context>
    <name>ChangeWords</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{field}: {before} → {after}</source>
        <translation>{field}：{before} → {after}</translation>
    </message>
</context>
<context>
    <name>ChecklistItemsModel</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>Exempt roles</source>
        <translation>免检岗位</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>扣分权重</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
</context>
<context>
    <name>ChecklistTreeModel</name>
    <message>
        <source>{title} · v{version} ({count} items)</source>
        <translation>{title} · 第 {version} 版（{count} 项）</translation>
    </message>
    <message>
        <source>Checklist sets</source>
        <translation>检查标准组</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Choose a checklist set on the left.</source>
        <translation>请在左侧选择一组检查标准。</translation>
    </message>
    <message>
        <source>Set {id}, version {version} · area: {area} · {required} required, {prohibited} prohibited · file: {origin}</source>
        <translation>标准组 {id}，第 {version} 版 · 类别：{area} · 标准要求 {required} 项，禁止事项 {prohibited} 项 · 文件：{origin}</translation>
    </message>
    <message>
        <source>Choose a folder of checklist files</source>
        <translation>选择检查标准文件所在的文件夹</translation>
    </message>
    <message>
        <source>Checking {folder}…</source>
        <translation>正在检查 {folder}…</translation>
    </message>
    <message>
        <source>{folder}: {n} problems to fix</source>
        <translation>{folder}：有 {n} 处问题需要修正</translation>
    </message>
    <message>
        <source>{folder}: the checklist files load without problems.</source>
        <translation>{folder}：检查标准文件读取无误。</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查标准</translation>
    </message>
    <message>
        <source>Validate checklist folder…</source>
        <translation>校验检查标准文件夹…</translation>
    </message>
</context>
<context>
    <name>CompanyNameDialog</name>
    <message>
        <source>Type the company&apos;s name: it heads every report.</source>
        <translation>请填写公司名称：它印在每份报告的页眉。</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>What is the company&apos;s name? It heads every line-up sheet and report. You can change it later in File → Settings….</source>
        <translation>公司的名称是什么？它印在每张晨会检查表和每份报告的页眉。以后可在“文件 → 设置…”中修改。</translation>
    </message>
    <message>
        <source>In Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Choose a role…</source>
        <translation>请选择岗位…</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>新建岗位…</translation>
    </message>
    <message>
        <source>Enter the employee number.</source>
        <translation>请填写工号。</translation>
    </message>
    <message>
        <source>The employee number cannot contain spaces.</source>
        <translation>工号不能包含空格。</translation>
    </message>
    <message>
        <source>Employee number {no} is already on the roster.</source>
        <translation>工号 {no} 已在花名册中。</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>Enter the department.</source>
        <translation>请填写部门。</translation>
    </message>
    <message>
        <source>Choose the job role.</source>
        <translation>请选择岗位。</translation>
    </message>
    <message>
        <source>Add an employee</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Edit an employee</source>
        <translation>编辑员工</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Job role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active (on the roster for line-ups)</source>
        <translation>在职（参加班前检查）</translation>
    </message>
    <message>
        <source>e.g. E0123</source>
        <translation>例如 E0123</translation>
    </message>
</context>
<context>
    <name>EmployeePage</name>
    <message>
        <source>Choose an employee</source>
        <translation>请选择员工</translation>
    </message>
    <message>
        <source>Search by number, name or department on the left.</source>
        <translation>请在左侧按工号、姓名或部门搜索。</translation>
    </message>
    <message>
        <source>Pass rate {rate}</source>
        <translation>合格率 {rate}</translation>
    </message>
    <message>
        <source>{start} to {end}: {clean} of {inspected} inspections with no fault, {absent} absent or on leave. Item ratio (detail): {compliance}</source>
        <translation>{start} 至 {end}：受检 {inspected} 次，其中 {clean} 次无问题；缺勤或请假 {absent} 次。项目合格率（明细）：{compliance}</translation>
    </message>
    <message>
        <source>{n} changed after finishing</source>
        <translation>检查结束后修改 {n} 次</translation>
    </message>
    <message>
        <source>Building the employee record…</source>
        <translation>正在生成员工记录…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <source>The employee record was not built</source>
        <translation>员工记录未能生成</translation>
    </message>
    <message>
        <source>Number, name or department</source>
        <translation>工号、姓名或部门</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Last {n} months</source>
        <translation>最近 {n} 个月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Employee record PDF</source>
        <translation>员工记录 PDF</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Repeated faults (most frequent first)</source>
        <translation>重复出现的问题（按次数从多到少）</translation>
    </message>
    <message>
        <source>Pass rate by month</source>
        <translation>每月合格率</translation>
    </message>
    <message>
        <source>Changes after finishing (reason, who, when)</source>
        <translation>修改记录（原因、修改人、时间）</translation>
    </message>
</context>
<context>
    <name>EmployeeResultsModel</name>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Job role</source>
        <translation>岗位</translation>
    </message>
</context>
<context>
    <name>FaultCountModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最近一次</translation>
    </message>
</context>
<context>
    <name>FaultCountsModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>不合格项</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <source>re-checked, fixed</source>
        <translation>复查已整改</translation>
    </message>
    <message>
        <source>not fixed</source>
        <translation>复查未合格</translation>
    </message>
    <message>
        <source>due for re-check</source>
        <translation>待复查</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Line-up</source>
        <translation>班前检查</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>不合格项</translation>
    </message>
    <message>
        <source>Items passed</source>
        <translation>合格项目</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>Not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>All passed</source>
        <translation>全部合格</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>The line-up of {day} ({shift}, {scope}, supervisor {supervisor}) was not finished: {done} of {total} people are done. Every mark is saved.

It resumes at person {n}: {name}.</source>
        <translation>{day}（{shift}，{scope}，主管 {supervisor}）的班前检查尚未结束：{total} 人中已完成 {done} 人，所有记录均已保存。

将从第 {n} 位继续：{name}。</translation>
    </message>
    <message>
        <source>Welcome to Inspector</source>
        <translation>欢迎使用 Inspector</translation>
    </message>
    <message>
        <source>There is no roster in this database yet. Import the staff list (Excel or CSV) to hold your first line-up, or look around in the demo first: it has its own database, so nothing you try there touches yours.</source>
        <translation>本数据库中还没有花名册。请导入员工名单（Excel 或 CSV）后开始第一次班前检查；也可以先打开演示数据看看——演示使用单独的数据库，在里面的任何操作都不会影响您的数据。</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <source>Resume the line-up</source>
        <translation>继续班前检查</translation>
    </message>
    <message>
        <source>Resume  (Enter)</source>
        <translation>继续  (Enter)</translation>
    </message>
    <message>
        <source>Start a new line-up instead</source>
        <translation>改为开始新的检查</translation>
    </message>
    <message>
        <source>Discard it (nothing recorded)</source>
        <translation>删除它（尚无任何记录）</translation>
    </message>
    <message>
        <source>Observe</source>
        <translation>现场观察</translation>
    </message>
    <message>
        <source>Re-checks</source>
        <translation>复查</translation>
    </message>
</context>
<context>
    <name>HubStatus</name>
    <message>
        <source>Hub not reachable: the records wait here and go later</source>
        <translation>连不上公司总库：记录先存在本机，稍后再发送</translation>
    </message>
    <message>
        <source>Hub refused the records: see the details</source>
        <translation>公司总库拒收记录：详见提示</translation>
    </message>
    <message>
        <source>Hub sync failed: see the log</source>
        <translation>与公司总库同步失败：详见日志</translation>
    </message>
    <message>
        <source>Hub: connected</source>
        <translation>公司总库：已连接</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>待发送：%1</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>H&amp;ub</source>
        <translation>总库(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Pull now</source>
        <translation>立即拉取(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;ush now</source>
        <translation>立即上传(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ImportChangesModel</name>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>LineupController</name>
    <message>
        <source>The database is open read-only: nothing can be recorded.</source>
        <translation>数据库以只读方式打开，无法记录。</translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s name to start the line-up.</source>
        <translation>请填写主管姓名后再开始班前检查。</translation>
    </message>
    <message>
        <source>Enter who makes the change: the change log keeps their name.</source>
        <translation>请填写更改人：更改记录会保存其姓名。</translation>
    </message>
    <message>
        <source>A change to a finished line-up needs a reason.</source>
        <translation>更改已结束的班前检查需要填写原因。</translation>
    </message>
    <message>
        <source>Nobody on the roster for this line-up.</source>
        <translation>花名册中没有本次检查的人员。</translation>
    </message>
    <message>
        <source>This line-up has marks or is finished: it is kept.</source>
        <translation>该班前检查已有记录或已结束：予以保留。</translation>
    </message>
    <message>
        <source>The line-up is finished: a fault is fixed on the spot only during the line-up. Record a re-check instead.</source>
        <translation>班前检查已结束：当场整改只能在检查时记录，请改为记录复查。</translation>
    </message>
    <message>
        <source>Everyone is done: press Ctrl+Return to finish the line-up.</source>
        <translation>所有人员已检查完毕：按 Ctrl+Enter 结束本次检查。</translation>
    </message>
    <message>
        <source>{name} is not here: press A or L again to bring them back.</source>
        <translation>{name} 不在场：再按一次 A 或 L 可恢复为待检。</translation>
    </message>
</context>
<context>
    <name>LineupGrid</name>
    <message>
        <source>The whole line-up: Enter or double-click jumps to a person. G goes back.</source>
        <translation>全员总览：按 Enter 或双击跳到该人员，按 G 返回。</translation>
    </message>
    <message>
        <source>✓ All pass</source>
        <translation>✓ 全部合格</translation>
    </message>
    <message>
        <source>✘ Faults</source>
        <translation>✘ 不合格</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待检</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>– Does not apply</source>
        <translation>– 不适用</translation>
    </message>
</context>
<context>
    <name>LineupGridModel</name>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>LineupItemsModel</name>
    <message>
        <source>Area</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <source>[photo]</source>
        <translation>[照片]</translation>
    </message>
</context>
<context>
    <name>LineupPage</name>
    <message>
        <source>Line-up {day} · {shift} · {scope} · Supervisor: {supervisor}</source>
        <translation>班前检查 {day} · {shift} · {scope} · 主管：{supervisor}</translation>
    </message>
    <message>
        <source>Done {done} of {total}</source>
        <translation>已完成 {done} / {total}</translation>
    </message>
    <message>
        <source>Finish the line-up</source>
        <translation>结束班前检查</translation>
    </message>
    <message>
        <source>Finish the line-up? {done} of {total} people are done.</source>
        <translation>结束本次班前检查？{total} 人中已完成 {done} 人。</translation>
    </message>
    <message>
        <source>{n} still to do will be recorded as not inspected.</source>
        <translation>尚有 {n} 人待检，将记为未检查。</translation>
    </message>
    <message>
        <source>Afterwards, a change needs a reason.</source>
        <translation>结束后如需更改，须填写原因。</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束检查</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>全员总览</translation>
    </message>
    <message>
        <source>This line-up is finished. A change asks for a reason and is kept in the change log. Ctrl+Return shows the summary.</source>
        <translation>本次班前检查已结束。如需更改须填写原因，并记入更改记录。按 Ctrl+Enter 查看汇总。</translation>
    </message>
</context>
<context>
    <name>LineupPeopleModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>LineupSection</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>Today&apos;s</source>
        <translation>今天的</translation>
    </message>
    <message>
        <source>Line-up already finished</source>
        <translation>班前检查已结束</translation>
    </message>
    <message>
        <source>{day} {shift} line-up at {place} is finished: open it, or start a second one?</source>
        <translation>{day}{shift}在{place}的班前检查已结束：打开它，还是再开始一次？</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开它</translation>
    </message>
    <message>
        <source>Start a second one</source>
        <translation>再开始一次</translation>
    </message>
    <message>
        <source>The unfinished line-up was discarded.</source>
        <translation>未完成的班前检查已删除。</translation>
    </message>
</context>
<context>
    <name>LineupStartPage</name>
    <message>
        <source>Everyone</source>
        <translation>全体人员</translation>
    </message>
    <message>
        <source>{name} — everyone</source>
        <translation>{name} — 全体人员</translation>
    </message>
    <message>
        <source>People in this line-up: {n}</source>
        <translation>本次检查人数：{n}</translation>
    </message>
    <message>
        <source>Today&apos;s line-up</source>
        <translation>今日班前检查</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <source>Site or department:</source>
        <translation>项目或部门：</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>主管：</translation>
    </message>
    <message>
        <source>Your name (required, kept for next time)</source>
        <translation>您的姓名（必填，下次自动填入）</translation>
    </message>
    <message>
        <source>Start line-up  (Enter)</source>
        <translation>开始检查  (Enter)</translation>
    </message>
    <message>
        <source>Recent line-ups (double-click to open)</source>
        <translation>最近的班前检查（双击打开）</translation>
    </message>
</context>
<context>
    <name>LineupSummaryPage</name>
    <message>
        <source>Building the line-up sheet…</source>
        <translation>正在生成班前检查表…</translation>
    </message>
    <message>
        <source>Line-up sheet saved: {path}</source>
        <translation>班前检查表已保存：{path}</translation>
    </message>
    <message>
        <source>Sending the line-up sheet to the printer… (saved: {path})</source>
        <translation>正在把班前检查表发送到打印机…（已保存：{path}）</translation>
    </message>
    <message>
        <source>Line-up sheet sent to the printer (saved: {path})</source>
        <translation>班前检查表已发送到打印机（已保存：{path}）</translation>
    </message>
    <message>
        <source>The line-up sheet was not printed (saved: {path})</source>
        <translation>班前检查表未打印（已保存：{path}）</translation>
    </message>
    <message>
        <source>see the message</source>
        <translation>见提示信息</translation>
    </message>
    <message>
        <source>The line-up sheet could not be built.</source>
        <translation>班前检查表未能生成。</translation>
    </message>
    <message>
        <source>Line-up summary</source>
        <translation>班前检查汇总</translation>
    </message>
    <message>
        <source>Pass rate {rate}</source>
        <translation>合格率 {rate}</translation>
    </message>
    <message>
        <source>{clean} of {inspected} people inspected had no fault. Item ratio (detail): {items} of items passed.</source>
        <translation>受检 {inspected} 人中 {clean} 人无问题。项目合格率（明细）：{items}。</translation>
    </message>
    <message>
        <source>Line-up finished</source>
        <translation>班前检查已结束</translation>
    </message>
    <message>
        <source>Line-up summary (not finished)</source>
        <translation>班前检查汇总（尚未结束）</translation>
    </message>
    <message>
        <source>{day} · {shift} · {scope} · Supervisor: {supervisor} · finished at {time}</source>
        <translation>{day} · {shift} · {scope} · 主管：{supervisor} · 结束于 {time}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>All pass</source>
        <translation>全部合格</translation>
    </message>
    <message>
        <source>With faults</source>
        <translation>有不合格项</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Faults by item</source>
        <translation>各项目不合格人数</translation>
    </message>
    <message>
        <source>Changes after finishing (reason, who, when)</source>
        <translation>修改记录（原因、修改人、时间）</translation>
    </message>
    <message>
        <source>Needs follow-up (double-click to review or change)</source>
        <translation>需跟进人员（双击查看或更改）</translation>
    </message>
    <message>
        <source>Print line-up sheet</source>
        <translation>打印班前检查表</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Review and change…</source>
        <translation>查看与更改…</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>全员总览</translation>
    </message>
    <message>
        <source>Re-checks</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saved ✓ {time}</source>
        <translation>已保存 ✓ {time}</translation>
    </message>
    <message>
        <source>✘ Not saved: {problem}</source>
        <translation>✘ 未保存：{problem}</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Inspector — {name}</source>
        <translation>Inspector — {name}</translation>
    </message>
    <message>
        <source>Line-up</source>
        <translation>班前检查</translation>
    </message>
    <message>
        <source>Observe</source>
        <translation>现场观察</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查标准</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open the &amp;demo database</source>
        <translation>打开演示数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Inspector</source>
        <translation>关于 Inspector(&amp;A)</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>The database in use</source>
        <translation>当前使用的数据库</translation>
    </message>
</context>
<context>
    <name>MonthlyComplianceModel</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Absent/leave</source>
        <translation>缺勤/请假</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>不合格项</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Corrected on the spot</source>
        <translation>已当场纠正</translation>
    </message>
    <message>
        <source>Verbal reminder given</source>
        <translation>已口头提醒</translation>
    </message>
    <message>
        <source>Repeat offence</source>
        <translation>屡次违规</translation>
    </message>
    <message>
        <source>Needs replacing</source>
        <translation>需要更换</translation>
    </message>
    <message>
        <source>Follow up tomorrow</source>
        <translation>明日复查</translation>
    </message>
    <message>
        <source>Reported to the manager</source>
        <translation>已报告经理</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Common reasons:</source>
        <translation>常用原因：</translation>
    </message>
    <message>
        <source>Or type a note, then Enter</source>
        <translation>或输入备注，按 Enter 确认</translation>
    </message>
    <message>
        <source>Mark this item as failed</source>
        <translation>将此项记为不合格</translation>
    </message>
</context>
<context>
    <name>ObserveController</name>
    <message>
        <source>Enter the observer&apos;s name: every observation keeps who observed.</source>
        <translation>请输入观察人姓名：每条观察记录都保留观察人。</translation>
    </message>
    <message>
        <source>Pick at least one situation to observe (keys 1 to 7).</source>
        <translation>请至少选择一个观察情境（按 1 至 7）。</translation>
    </message>
    <message>
        <source>The checklists have no observation set for these situations.</source>
        <translation>检查标准中没有这些情境的观察项目。</translation>
    </message>
    <message>
        <source>A change to a saved observation needs a reason.</source>
        <translation>修改已保存的观察记录需要填写原因。</translation>
    </message>
    <message>
        <source>An observation records behaviour, not attendance.</source>
        <translation>现场观察只记录行为，不记录出勤。</translation>
    </message>
    <message>
        <source>An observation records behaviour: it has no fix on the spot.</source>
        <translation>现场观察记录的是行为，没有当场整改。</translation>
    </message>
</context>
<context>
    <name>ObservePage</name>
    <message>
        <source>The change is in the change log.</source>
        <translation>修改已写入变更记录。</translation>
    </message>
    <message>
        <source>This observation was not saved yet: mark on, Space saves it.</source>
        <translation>这条观察尚未保存：请继续标记，按空格键保存。</translation>
    </message>
    <message>
        <source>Nobody found for “{text}”.</source>
        <translation>没有找到“{text}”。</translation>
    </message>
    <message>
        <source>Enter the observer&apos;s name: every observation keeps who observed.</source>
        <translation>请输入观察人姓名：每条观察记录都保留观察人。</translation>
    </message>
    <message>
        <source>The marks are kept: press Space to save the observation.</source>
        <translation>已做的标记会保留：按空格键保存这条观察。</translation>
    </message>
    <message>
        <source>Saved: {name}, {n} fault(s). Next: type a name.</source>
        <translation>已保存：{name}，{n} 个问题。下一位：请输入姓名。</translation>
    </message>
    <message>
        <source>Saved: {name}, no fault. Next: type a name.</source>
        <translation>已保存：{name}，未发现问题。下一位：请输入姓名。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Observation sheet saved: {path}</source>
        <translation>观察记录表已保存：{path}</translation>
    </message>
    <message>
        <source>No observation was saved today: there is no sheet to print.</source>
        <translation>今天还没有保存的观察：没有可打印的记录表。</translation>
    </message>
    <message>
        <source>Today&apos;s observations: {n}</source>
        <translation>今日观察：{n} 次</translation>
    </message>
    <message>
        <source>{number} {name} · {department}: which situations are you observing?</source>
        <translation>{number} {name} · {department}：您正在观察哪些情境？</translation>
    </message>
    <message>
        <source>{who} · {situations} · observed by {observer} (saved)</source>
        <translation>{who} · {situations} · 观察人 {observer}（已保存）</translation>
    </message>
    <message>
        <source>{who} · {situations} · observed by {observer}</source>
        <translation>{who} · {situations} · 观察人 {observer}</translation>
    </message>
    <message>
        <source>Floor observation</source>
        <translation>现场观察</translation>
    </message>
    <message>
        <source>Observer:</source>
        <translation>观察人：</translation>
    </message>
    <message>
        <source>your name (required)</source>
        <translation>您的姓名（必填）</translation>
    </message>
    <message>
        <source>Employee: name, number or pinyin initials (zw → 张伟)</source>
        <translation>员工：姓名、工号或拼音首字母（zw → 张伟）</translation>
    </message>
    <message>
        <source>Up/Down choose, Enter picks. Double-click one of today&apos;s observations to look at it.</source>
        <translation>上/下键选择，回车确定。双击今日的观察可查看。</translation>
    </message>
    <message>
        <source>Keys 1 to 7 choose the situations (several at once), Enter starts marking, Esc goes back.</source>
        <translation>按 1 至 7 选择观察情境（可多选），回车开始标记，Esc 返回。</translation>
    </message>
    <message>
        <source>Back  (Esc)</source>
        <translation>返回  (Esc)</translation>
    </message>
    <message>
        <source>Print today&apos;s sheet</source>
        <translation>打印今日记录表</translation>
    </message>
    <message>
        <source>Start marking  (Enter)</source>
        <translation>开始标记  (回车)</translation>
    </message>
    <message>
        <source>Space: every behaviour not marked was correct, and the observation is saved. X: a fault, N: a note, P: a photo of a fault. Esc: back.</source>
        <translation>空格：未标记的行为均合格，并保存这条观察。X：问题，N：备注，P：问题照片。Esc：返回。</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>The sheet was not printed: {error}</source>
        <translation>未能打印：{error}</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>This computer has no print command (CUPS &apos;lp&apos; was not found), so Inspector cannot send the sheet to a printer.</source>
        <translation>这台电脑没有打印命令（找不到 CUPS 的 lp），Inspector 无法把文件发送到打印机。</translation>
    </message>
    <message>
        <source>Windows has no program that prints PDF files. Install a PDF reader, or open the file and print it from there.</source>
        <translation>Windows 上没有能打印 PDF 文件的程序。请安装 PDF 阅读器，或打开文件后在阅读器中打印。</translation>
    </message>
    <message>
        <source>The printer did not take the sheet.</source>
        <translation>打印机没有接受这份文件。</translation>
    </message>
    <message>
        <source>The print system did not answer. Check that the printer is on and connected.</source>
        <translation>打印系统没有响应。请检查打印机是否已开机并连接。</translation>
    </message>
    <message>
        <source>The PDF to print is no longer there.</source>
        <translation>要打印的 PDF 文件已不存在。</translation>
    </message>
    <message>
        <source>The print system said: {detail}</source>
        <translation>打印系统的提示：{detail}</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>未能打开</translation>
    </message>
    <message>
        <source>No program on this computer opened the PDF (is a PDF viewer installed?).</source>
        <translation>这台电脑上没有程序能打开该 PDF（是否安装了 PDF 阅读器？）。</translation>
    </message>
    <message>
        <source>The folder could not be opened. It is:
{folder}</source>
        <translation>无法打开文件夹。文件夹位置：
{folder}</translation>
    </message>
    <message>
        <source>The PDF is saved at:
{path}</source>
        <translation>PDF 已保存在：
{path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>Photo evidence</source>
        <translation>照片证据</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</translation>
    </message>
    <message>
        <source>No. {number} · {department} · {role} · {sex}</source>
        <translation>工号 {number} · {department} · {role} · {sex}</translation>
    </message>
    <message>
        <source>Person {n} of {total}</source>
        <translation>第 {n} / {total} 位</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Record the fault (X) before adding a photo.</source>
        <translation>请先记录问题（X），再添加照片。</translation>
    </message>
    <message>
        <source>Record the fault (X) before marking it fixed on the spot.</source>
        <translation>请先记录问题（X），再标记当场整改。</translation>
    </message>
    <message>
        <source>All pass, next</source>
        <translation>全部合格，下一位</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Prev</source>
        <translation>上一位</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一位</translation>
    </message>
    <message>
        <source>Every point not marked passes, the person is saved, on to the next</source>
        <translation>未标记的检查点均为合格，保存后转到下一位</translation>
    </message>
</context>
<context>
    <name>ReasonPicker</name>
    <message>
        <source>fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <source>X: the reasons · F: fixed on the spot · tap a reason to record it</source>
        <translation>X：问题原因 · F：当场整改 · 点按原因即可记录</translation>
    </message>
    <message>
        <source>X: the reasons · tap a reason to record it</source>
        <translation>X：选择原因 · 点按原因即记录</translation>
    </message>
    <message>
        <source>Press the number of the reason the note is for</source>
        <translation>按数字键选择备注对应的原因</translation>
    </message>
    <message>
        <source>Several reasons: press 1–{n} for each, Esc when done</source>
        <translation>多个原因：逐个按 1–{n}，完成后按 Esc</translation>
    </message>
    <message>
        <source>Press 1–{n} for the reason</source>
        <translation>按 1–{n} 选择原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Several</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RecentLineupsModel</name>
    <message>
        <source>Line-up</source>
        <translation>班前检查</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>未结束</translation>
    </message>
</context>
<context>
    <name>RecheckModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>复查合格</translation>
    </message>
    <message>
        <source>not fixed</source>
        <translation>复查未合格</translation>
    </message>
    <message>
        <source>fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <source>due for re-check</source>
        <translation>待复查</translation>
    </message>
</context>
<context>
    <name>RecheckPage</name>
    <message>
        <source>Every site</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>every site</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Re-checks · {day} · {site} · {n} open</source>
        <translation>复查 · {day} · {site} · 待整改 {n} 项</translation>
    </message>
    <message>
        <source>Faults not fixed on the spot are re-checked the same day. Up/Down: a fault · F: fixed · N: not fixed · Esc: back. Who re-checked is kept with the record.</source>
        <translation>未当场整改的问题当天复查。上/下：选择问题 · F：已整改 · N：未整改 · Esc：返回。复查人会随记录保存。</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Re-checked by:</source>
        <translation>复查人：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Your name (required)</source>
        <translation>您的姓名（必填）</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Not fixed</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>No open faults: everything was fixed or re-checked.</source>
        <translation>没有待整改的问题：全部已整改或已复查。</translation>
    </message>
</context>
<context>
    <name>RecordChangesModel</name>
    <message>
        <source>Line-up</source>
        <translation>班前检查</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Reason, by, when</source>
        <translation>原因 · 修改人 · 时间</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>第 {id} 号</translation>
    </message>
    <message>
        <source>(not finished)</source>
        <translation>（未结束）</translation>
    </message>
    <message>
        <source>Choose the folder for reports</source>
        <translation>选择报表保存的文件夹</translation>
    </message>
    <message>
        <source>One line-up on one page: who was inspected, the faults in words, who was absent, the counts and room for signatures.</source>
        <translation>一次班前检查一页：受检人员、不合格项（文字说明）、缺勤人员、统计数字及签名栏。</translation>
    </message>
    <message>
        <source>One person over a period: every inspection, the faults that come back and compliance by month.</source>
        <translation>一名员工在一段期间内的情况：每次检查、反复出现的问题及每月合格率。</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Build PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <source>Building {name}…</source>
        <translation>正在生成 {name}…</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>正在导出 {name}…</translation>
    </message>
    <message>
        <source>The report is ready:</source>
        <translation>报表已生成：</translation>
    </message>
    <message>
        <source>The figures are exported:</source>
        <translation>数据已导出：</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
    <message>
        <source>The report was not built</source>
        <translation>报表未能生成</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <source>Sent to the printer:</source>
        <translation>已发送到打印机：</translation>
    </message>
    <message>
        <source>Not printed; the file is here:</source>
        <translation>未打印；文件位置：</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Line-up sheet</source>
        <translation>班前检查表</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>The month for the company, one site or one department: the pass rate (or score) and its trend, departments and sites ranked, supervisors, the top faults, repeat offences and every person.</source>
        <translation>全公司、某个项目或某个部门的月度情况：合格率（或得分）及趋势、部门和项目排名、检查人、最常见的问题、屡犯人员和每位员工。</translation>
    </message>
    <message>
        <source>The figures of the monthly pack per employee, department, site and supervisor, as a spreadsheet (CSV or Excel).</source>
        <translation>月度报告中每位员工、部门、项目和检查人的数字，导出为表格（CSV 或 Excel）。</translation>
    </message>
    <message>
        <source>The floor observations saved on one day: who was observed in which situation, the faults in words, the notes and room for signatures.</source>
        <translation>某一天保存的全部现场观察：观察了谁、在什么场景、问题项文字、备注，并留有签字栏。</translation>
    </message>
    <message>
        <source>Employee record</source>
        <translation>员工记录</translation>
    </message>
    <message>
        <source>Monthly pack</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <source>Monthly figures (CSV or Excel)</source>
        <translation>月度数据（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>Observation sheet (one day)</source>
        <translation>现场观察记录表（单日）</translation>
    </message>
    <message>
        <source>Both (中文 + English)</source>
        <translation>双语（中文 + English）</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Line-up</source>
        <translation>班前检查</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Number or name</source>
        <translation>工号或姓名</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>New role</source>
        <translation>新建岗位</translation>
    </message>
    <message>
        <source>A new job role for “{title}”: its names and the uniform parts it wears. The line-up checks what the uniform has.</source>
        <translation>为“{title}”新建岗位：填写名称并勾选该岗位穿着的制服部件。班前检查按制服所含部件进行。</translation>
    </message>
    <message>
        <source>A new job role: its names and the uniform parts it wears. The line-up checks what the uniform has.</source>
        <translation>新建岗位：填写名称并勾选该岗位穿着的制服部件。班前检查按制服所含部件进行。</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>e.g. Electrician</source>
        <translation>例如 Electrician</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, - and _; filled in from the English name.</source>
        <translation>小写字母、数字、- 和 _；根据英文名称自动填写。</translation>
    </message>
    <message>
        <source>Uniform parts the role wears</source>
        <translation>该岗位穿着的制服部件</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全体人员</translation>
    </message>
    <message>
        <source>Women only</source>
        <translation>仅女性</translation>
    </message>
    <message>
        <source>Men only</source>
        <translation>仅男性</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Choose a role…</source>
        <translation>请选择岗位…</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name}（新）</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>新建岗位…</translation>
    </message>
    <message>
        <source>Import the roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Job titles with no role yet: choose the role of each (or create one). They are remembered for the next import.</source>
        <translation>以下岗位名称尚无对应岗位：请为每个名称选择岗位（或新建岗位）。下次导入时会自动沿用。</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} 行</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <source>New: {new}    Updated: {updated}    Unchanged: {unchanged}    Bad rows: {bad}</source>
        <translation>新增：{new}    更新：{updated}    未变：{unchanged}    错误行：{bad}</translation>
    </message>
    <message>
        <source>What the import changes:</source>
        <translation>导入将作如下变更：</translation>
    </message>
    <message>
        <source>Rows that cannot be imported:</source>
        <translation>无法导入的行：</translation>
    </message>
    <message>
        <source>Import the {n} good rows only</source>
        <translation>仅导入 {n} 条正确的行</translation>
    </message>
    <message>
        <source>{bad} rows of the file cannot be imported. Nothing is imported unless you choose to: correct the file and import it again, or import the {n} good rows only.</source>
        <translation>文件中有 {bad} 行无法导入。除非您选择导入，否则不会导入任何数据：请修正文件后重新导入，或仅导入 {n} 条正确的行。</translation>
    </message>
    <message>
        <source>The {m} rows of titles with no role are not among them.</source>
        <translation>尚未指定岗位的 {m} 行不在其中。</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Import the {n} other rows only</source>
        <translation>只导入其余 {n} 行</translation>
    </message>
    <message>
        <source>{m} rows have a job title with no role yet. Choose a role for each title to import the whole file, or import the {n} other rows only.</source>
        <translation>有 {m} 行的岗位名称尚无对应岗位。请为每个名称选择岗位以导入整个文件，或只导入其余 {n} 行。</translation>
    </message>
    <message>
        <source>Import {n} rows</source>
        <translation>导入 {n} 行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The roster already matches the file.</source>
        <translation>花名册已与文件一致。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>{shown} of {total} employees shown</source>
        <translation>显示 {shown} / {total} 名员工</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>恢复在职</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>设为离职</translation>
    </message>
    <message>
        <source>The employee was not saved</source>
        <translation>员工信息未保存</translation>
    </message>
    <message>
        <source>The role was not added</source>
        <translation>岗位未添加</translation>
    </message>
    <message>
        <source>Role {name} added: it can be chosen for employees now.</source>
        <translation>已添加岗位“{name}”：现在可为员工选择该岗位。</translation>
    </message>
    <message>
        <source>{name} is deactivated: no longer called to line-ups.</source>
        <translation>{name} 已设为离职：不再参加班前检查。</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} 已恢复在职。</translation>
    </message>
    <message>
        <source>Import a roster file</source>
        <translation>导入花名册文件</translation>
    </message>
    <message>
        <source>Roster files (*.csv *.xlsx);;All files (*)</source>
        <translation>花名册文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>The roster was not imported</source>
        <translation>花名册未能导入</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入：新增 {added}，更新 {updated}，未变 {unchanged}。</translation>
    </message>
    <message>
        <source>Export the roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Roster exported to {path}</source>
        <translation>花名册已导出到 {path}</translation>
    </message>
    <message>
        <source>The roster was not exported</source>
        <translation>花名册未能导出</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Search by number, name or department</source>
        <translation>按工号、姓名或部门搜索</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>显示离职人员</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>新建岗位…</translation>
    </message>
    <message>
        <source>Add a job role with the uniform parts it wears (saved in your checklist folder)</source>
        <translation>新增岗位及其穿着的制服部件（保存在您的检查表文件夹中）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>数据库以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>RosterWords</name>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>离职</translation>
    </message>
</context>
<context>
    <name>RowProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Company name (Chinese)</source>
        <translation>公司名称（中文）</translation>
    </message>
    <message>
        <source>Company name (English)</source>
        <translation>公司名称（英文）</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>Points off, minor fault</source>
        <translation>一般问题扣分</translation>
    </message>
    <message>
        <source>Points off, major fault</source>
        <translation>较重问题扣分</translation>
    </message>
    <message>
        <source>Points off, critical fault</source>
        <translation>严重问题扣分</translation>
    </message>
    <message>
        <source>Critical fault</source>
        <translation>严重问题</translation>
    </message>
    <message>
        <source>Repeat-offences ladder</source>
        <translation>屡犯阶梯</translation>
    </message>
    <message>
        <source>Repeated after</source>
        <translation>记为重复的次数</translation>
    </message>
    <message>
        <source>Keep photos (days)</source>
        <translation>照片保留天数</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>保留的每日备份</translation>
    </message>
    <message>
        <source>Pass rate (share of people with no fault)</source>
        <translation>合格率（无问题人次占比）</translation>
    </message>
    <message>
        <source>Deduction (100 points, 扣分制)</source>
        <translation>扣分制（满分 100 分）</translation>
    </message>
    <message>
        <source>takes all 100 points of that inspection</source>
        <translation>该次检查扣满 100 分</translation>
    </message>
    <message>
        <source>3=口头提醒/Verbal reminder; 5=书面警告/Written warning</source>
        <translation>3=口头提醒/Verbal reminder; 5=书面警告/Written warning</translation>
    </message>
    <message>
        <source>The same fault this many times within 30 days reaches the step. The pack lists who reached each step; Inspector applies no penalty.</source>
        <translation>同一问题在 30 天内出现达到该次数即到达该阶梯。月度报告列出到达各阶梯的人员；本系统不作处罚。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Start today&apos;s line-up, or resume the unfinished one</source>
        <translation>开始今天的班前检查，或继续未结束的检查</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>↑ / ↓</translation>
    </message>
    <message>
        <source>Every point not marked passes; save; go to the next person to do</source>
        <translation>未标记的检查点均为合格；保存；转到下一位待检人员</translation>
    </message>
    <message>
        <source>Jump to that body area (its digit is beside it); in the picker: that reason</source>
        <translation>跳到对应的身体部位（数字标在部位旁）；在原因列表中：选择该原因</translation>
    </message>
    <message>
        <source>Move between the points</source>
        <translation>在检查点之间移动</translation>
    </message>
    <message>
        <source>The reasons of the point, numbered 1–9 (a point with one reason fails at once); in the picker: several reasons</source>
        <translation>列出该检查点的原因，编号 1–9（只有一个原因的检查点直接记为不合格）；在原因列表中：可选多个原因</translation>
    </message>
    <message>
        <source>A note on the reason just recorded (common reasons or free text)</source>
        <translation>为刚记录的原因加备注（常用说明或自行输入）</translation>
    </message>
    <message>
        <source>Close the reason picker; on the grid, back</source>
        <translation>关闭原因列表；在全员总览中：返回</translation>
    </message>
    <message>
        <source>The fault of the point was fixed on the spot (press again to undo)</source>
        <translation>该检查点的问题已当场整改（再按一次撤销）</translation>
    </message>
    <message>
        <source>Add a photo to the failed point</source>
        <translation>为不合格的检查点添加照片</translation>
    </message>
    <message>
        <source>Absent (press again to undo)</source>
        <translation>缺勤（再按一次撤销）</translation>
    </message>
    <message>
        <source>On leave (press again to undo)</source>
        <translation>请假（再按一次撤销）</translation>
    </message>
    <message>
        <source>Late (late people are still inspected)</source>
        <translation>迟到（迟到人员仍需检查）</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>← / →</translation>
    </message>
    <message>
        <source>Previous / next person</source>
        <translation>上一位 / 下一位</translation>
    </message>
    <message>
        <source>Grid of the whole line-up; Enter or double-click jumps to a person</source>
        <translation>全员总览；按 Enter 或双击跳到该人员</translation>
    </message>
    <message>
        <source>Finish the line-up (confirm with Enter)</source>
        <translation>结束班前检查（按 Enter 确认）</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>显示本快捷键列表</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Record only the exceptions: Space passes everyone who is fine. Every key also has a button on the screen.</source>
        <translation>只记录例外情况：合格的人员按空格即可通过。每个按键在屏幕上都有对应的按钮。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>… and {n} more (see the log).</source>
        <translation>……另有 {n} 处（详见日志）。</translation>
    </message>
    <message>
        <source>The checklists shipped with Inspector cannot be read:

{problems}

Reinstall Inspector.</source>
        <translation>无法读取 Inspector 自带的检查标准：

{problems}

请重新安装 Inspector。</translation>
    </message>
    <message>
        <source>Your own checklist files have problems and are not used until they are fixed; the line-up uses the shipped checklists.

{problems}</source>
        <translation>贵公司的检查标准文件有问题，修正之前不会使用；班前检查将使用自带的检查标准。

{problems}</translation>
    </message>
    <message>
        <source>Open it read-only, to look without changing anything?</source>
        <translation>以只读方式打开，只查看不修改？</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Inspector cannot open the database {path}.

{problem}</source>
        <translation>Inspector 无法打开数据库 {path}。

{problem}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>To do</source>
        <translation>待检</translation>
    </message>
    <message>
        <source>✓ All pass</source>
        <translation>✓ 全部合格</translation>
    </message>
    <message>
        <source>✘ Faults: {n}</source>
        <translation>✘ 不合格 {n} 项</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Late · {status}</source>
        <translation>迟到 · {status}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>✓ Pass</source>
        <translation>✓ 合格</translation>
    </message>
    <message>
        <source>✘ Fail</source>
        <translation>✘ 不合格</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>标准要求</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>禁止事宜</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>较重</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Morning shift</source>
        <translation>早班</translation>
    </message>
    <message>
        <source>Afternoon shift</source>
        <translation>中班</translation>
    </message>
    <message>
        <source>Night shift</source>
        <translation>晚班</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全体人员</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Situations</source>
        <translation>观察情境</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>观察人</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify records</source>
        <translation>核验记录</translation>
    </message>
    <message>
        <source>Seals or chain heads printed on paper (optional, one a line; e.g. the &apos;Seal: ab12cd34…&apos; of a line-up sheet or monthly pack):</source>
        <translation>纸质文件上印的封存校验码或链末校验码（可选，每行一个；例如班前检查表或月度报告上的“封存校验码：ab12cd34…”）：</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>核验(&amp;V)</translation>
    </message>
    <message>
        <source>Checking every seal…</source>
        <translation>正在核验每个封存校验码…</translation>
    </message>
    <message>
        <source>A printed seal: {problem}</source>
        <translation>纸质校验码：{problem}</translation>
    </message>
    <message>
        <source>Sealed line-ups: {lineups}. Seals: {seals}.</source>
        <translation>已封存的班前检查：{lineups} 次。封存校验码：{seals} 个。</translation>
    </message>
    <message>
        <source>Every finished line-up is sealed: its records, and a chain that links each seal to the ones before. The check recomputes them all and names any line-up whose records were changed outside Inspector.
The database: {db}</source>
        <translation>每次结束的班前检查都会封存：封存其记录，并把每个封存校验码与之前的校验码连成一条链。核验会重新计算全部校验码，并指出记录在 Inspector 之外被改动过的班前检查。
数据库：{db}</translation>
    </message>
    <message>
        <source>Chain head: {short}</source>
        <translation>链末校验码：{short}</translation>
    </message>
    <message>
        <source>In full: {full}</source>
        <translation>完整值：{full}</translation>
    </message>
    <message>
        <source>The printed seal {seal} is in the chain (line-up {id}) and its record matches.</source>
        <translation>纸质校验码 {seal} 在校验链中（班前检查 {id}），其记录一致。</translation>
    </message>
    <message>
        <source>✓ Every record matches its seal.</source>
        <translation>✓ 每条记录都与其封存校验码一致。</translation>
    </message>
    <message>
        <source>✘ Line-ups whose records no longer match their seals: {count}</source>
        <translation>✘ 记录与封存校验码不再一致的班前检查：{count} 次</translation>
    </message>
    <message>
        <source>✘ The seal chain does not hold every record.</source>
        <translation>✘ 校验链不能涵盖全部记录。</translation>
    </message>
    <message>
        <source>Line-up {id} ({details}): changed outside Inspector.</source>
        <translation>班前检查 {id}（{details}）：在 Inspector 之外被改动过。</translation>
    </message>
    <message>
        <source>Line-up {id}: no longer in the database.</source>
        <translation>班前检查 {id}：已不在数据库中。</translation>
    </message>
    <message>
        <source>Every problem found:</source>
        <translation>发现的全部问题：</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Women</source>
        <translation>女士</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>男士</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全体人员</translation>
    </message>
    <message>
        <source>Line-up inspection</source>
        <translation>班前检查</translation>
    </message>
    <message>
        <source>Floor observation</source>
        <translation>现场巡查</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Something went wrong inside Inspector. Your saved marks are safe.

Please send the log file to your administrator:
{path}</source>
        <translation>Inspector 内部出错了。已保存的记录不受影响。

请将日志文件发送给系统管理员：
{path}</translation>
    </message>
</context>
</TS>
