<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CheckInForm</name>
    <message>
        <source>姓名，或拼音首字母/电话查找老访客</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已上茶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到后打印胸卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>胸卡号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等候地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清空 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（按接待人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访 {n} 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记：{id}（留空沿用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到接待人“{text}”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有多位员工匹配：{names}，请从列表中选择。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>主管用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次使用：创建管理员账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是一个新的数据库。请创建系统管理员账户，之后可在“设置”里添加其他用户。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：行政部 刘洋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostPicker</name>
    <message>
        <source>姓名或拼音首字母，如 zw</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 接待管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>接待管理 — {company}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前用户：{name}（{roles}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>您的账户没有可用的窗口，请联系系统管理员分配角色。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通知 {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通知</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPopup</name>
    <message>
        <source>通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂无通知。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitColumns</name>
    <message>
        <source>{h} 小时 {m} 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已停留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>胸卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等候地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预约时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离开时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitorDeskView</name>
    <message>
        <source>访客签到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签到所选 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签离所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部签离…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印胸卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>疏散名单 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日预约 {n} 位（F2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在访 {n} 批 · 共 {people} 人（F3，Enter 签离）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未签到：{name} 在黑名单中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍要再次签到吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>访客已在访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未签到：{name} 已在访。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>黑名单提醒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认仍允许进入吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要行政部、总经理或系统管理员确认：请主管输入用户名和密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} 无权确认黑名单访客。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签到：{name}（胸卡 {badge}），已通知 {host}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签到：{name}（胸卡 {badge}）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（黑名单已确认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在“今日预约”中选择访客。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消 {name} 的预约吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在“在访”列表中选择要签离的访客。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签离 {n} 批：{names}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前没有在访人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部签离</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将在访的 {n} 批访客全部签离（下班清场）吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已全部签离，共 {n} 批。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在“在访”列表中选择访客。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>访客胸卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成胸卡…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>疏散名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成疏散名单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已生成：{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitorLogView</name>
    <message>
        <source>姓名 / 单位 / 电话 / 拼音首字母（如 zw）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签到（全部）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已离开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出来访登记表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访登记表日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出来访登记表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出来访登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访登记表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>接待管理</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>前台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演示模式：已自动以演示管理员 {user} 登录（其他演示账户密码 {pw}）。数据库是临时的：{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nav</name>
    <message>
        <source>来访登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>正在处理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <source>数据库忙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出错了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发生了意外错误：{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>前台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人（员工）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>财务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总经理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>您的角色无权执行此操作（需要：{roles}）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码至少 6 位。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写用户名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已经有管理员账户，请登录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名或密码不正确。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该账户已停用，请联系系统管理员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有用户 {name}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账户不存在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名已被占用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知角色：{roles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至少选择一个角色。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>员工不存在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至少要保留一个启用的系统管理员账户。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原密码不正确。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名、单位、电话至少填一项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写原因。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录不存在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库正被另一台电脑或程序占用，请稍后再试。您输入的内容已保留。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写部门名称。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已有同名部门。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门不存在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该部门已有员工或来访记录，不能删除；可以将其停用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写员工姓名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择部门。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话号码格式不正确。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该员工已有来访记录或登录账户，不能删除；可以将其停用。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>公司名称（印在表单上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访登记表表单编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认等候地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知设置项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公司名称不能为空。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不支持的语言。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知列表。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称不能为空。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列表里已有“{label}”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选项不存在。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>visitors</name>
    <message>
        <source>临时来访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预约待到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已离开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该访客在黑名单中：{reasons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 已于 {time} 签到且尚未签离（胸卡 {badge}）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访记录不存在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写访客姓名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名太长。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写联系电话。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话号码格式不正确：“{value}”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码不正确（身份证校验位不符或含非法字符）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数应在 1 到 999 之间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择接待人或接待部门。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人不存在或已停用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访方式不正确。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写预约日期。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预约日期不能早于今天。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>胸卡 {badge} 正由 {name} 使用中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>访客到达：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（{company}）一行 {count} 人已到前台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在 {place} 等候</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记人：{who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 不在预约待到名单中（当前状态：{status}）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该访客刚刚已被签到。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只能取消尚未签到的预约。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录不存在：{ids}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 已于 {time} 签离</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 尚未签到，不能签离</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 的签离时间早于签到时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部分访客刚刚已在别处签离，请刷新后重试。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
