<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于接待管理</source>
        <translation>About Reception Manager</translation>
    </message>
    <message>
        <source>接待管理 Reception Manager
版本 {version}</source>
        <translation>Reception Manager
Version {version}</translation>
    </message>
    <message>
        <source>数据库：{db}
数据文件夹：{data}
Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>Database: {db}
Data folder: {data}
Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>我的账户</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>例如：zhangsan@example.com（用于邮件通知）</source>
        <translation>e.g. zhangsan@example.com (for e-mail notifications)</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>电子邮件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>不修改密码时，下面三项留空。</source>
        <translation>To keep your current password, leave the three fields below empty.</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>输入姓名筛选</source>
        <translation>Type a name to filter</translation>
    </message>
    <message>
        <source>转交给</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>前加签：他们先审批，再回到我</source>
        <translation>Before me: they approve first, then it comes back to me</translation>
    </message>
    <message>
        <source>后加签：我同意后由他们审批</source>
        <translation>After me: they approve once I have approved</translation>
    </message>
    <message>
        <source>或签：其中一人同意即可</source>
        <translation>Any one approves: one approval is enough</translation>
    </message>
    <message>
        <source>会签：所有人都要同意</source>
        <translation>All must approve: everyone has to approve</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>退回到</source>
        <translation>Return to</translation>
    </message>
    <message>
        <source>意见（必填）</source>
        <translation>Comment (required)</translation>
    </message>
    <message>
        <source>意见（可不填）</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>请选择人员。</source>
        <translation>Please choose someone.</translation>
    </message>
    <message>
        <source>退回时必须填写意见。</source>
        <translation>A comment is required to return it.</translation>
    </message>
</context>
<context>
    <name>ApplicationColumns</name>
    <message>
        <source>加急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>超标</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>补填</source>
        <translation>Filed afterwards</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>来宾公司</source>
        <translation>Client company</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>到访</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>预算合计</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>客户接待申请</source>
        <translation>Reception application</translation>
    </message>
    <message>
        <source>例如：总部一号会议室</source>
        <translation>e.g. HQ Meeting Room 1</translation>
    </message>
    <message>
        <source>总经理出席</source>
        <translation>GM attends</translation>
    </message>
    <message>
        <source>董事长出席</source>
        <translation>Chairman attends</translation>
    </message>
    <message>
        <source>加急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>加急原因（提前量不足时必填）</source>
        <translation>Reason for urgency (required when the lead time is short)</translation>
    </message>
    <message>
        <source>来宾公司 *</source>
        <translation>Client company *</translation>
    </message>
    <message>
        <source>主营业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>接待地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>接待级别 *</source>
        <translation>Level *</translation>
    </message>
    <message>
        <source>客户类别</source>
        <translation>Client category</translation>
    </message>
    <message>
        <source>我方出席人数</source>
        <translation>Our attendees</translation>
    </message>
    <message>
        <source>接待部门 *</source>
        <translation>Department *</translation>
    </message>
    <message>
        <source>接待负责人 *</source>
        <translation>Responsible *</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>到访时间 *</source>
        <translation>Visit from *</translation>
    </message>
    <message>
        <source>来访目的 *</source>
        <translation>Purpose *</translation>
    </message>
    <message>
        <source>客户背景</source>
        <translation>Client background</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>领队</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>添加来宾</source>
        <translation>Add guest</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>来访人员</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>接机/接站</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>住宿</source>
        <translation>Lodging</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meals</translation>
    </message>
    <message>
        <source>用车</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <source>参观</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>礼品</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>资料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>用餐次数</source>
        <translation>Meals</translation>
    </message>
    <message>
        <source>陪餐人数</source>
        <translation>Accompanying diners</translation>
    </message>
    <message>
        <source>房间数</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>晚数</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>用车趟数</source>
        <translation>Trips</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>标准单价</source>
        <translation>Unit cap</translation>
    </message>
    <message>
        <source>标准估算</source>
        <translation>Standard estimate</translation>
    </message>
    <message>
        <source>申请金额</source>
        <translation>Requested amount</translation>
    </message>
    <message>
        <source>超标</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>超标说明</source>
        <translation>Reason for exceeding</translation>
    </message>
    <message>
        <source>需求与费用预算</source>
        <translation>Requirements and budget</translation>
    </message>
    <message>
        <source>审批记录</source>
        <translation>Approval history</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>提交审批</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>申请变更</source>
        <translation>Request a change</translation>
    </message>
    <message>
        <source>导出 / 打印…</source>
        <translation>Export / print…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>留空按标准估算：{amount}</source>
        <translation>Leave empty for the standard estimate: {amount}</translation>
    </message>
    <message>
        <source>合计 {total}&#x3000;大写：{capital}</source>
        <translation>Total {total}   in words: {capital}</translation>
    </message>
    <message>
        <source>{level} 级标准：餐费 {meal}/人/餐，住宿 {hotel}/间夜，交通 {trip}/趟；来宾 {guests} 人，陪餐上限 {limit} 人。</source>
        <translation>Level {level} standard: meals {meal} per person per meal, lodging {hotel} per room-night, transport {trip} per trip; {guests} guests, at most {limit} accompanying diners.</translation>
    </message>
    <message>
        <source>部门 {y} 年 {m} 月预算 {budget}，已批 {used}，本申请后剩余 {left}</source>
        <translation>Department budget {m}/{y}: {budget}, approved {used}, left after this application {left}</translation>
    </message>
    <message>
        <source>提前量：须提前 {need}，现有 {have}{note}</source>
        <translation>Lead time: {need} required, {have} available{note}</translation>
    </message>
    <message numerus="yes">
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个</source>
        <translation>
            <numerusform>%n</numerusform>
            <numerusform>%n</numerusform>
        </translation>
    </message>
    <message>
        <source>（不足：请改期或加急）</source>
        <translation> (not enough: change the dates or mark it urgent)</translation>
    </message>
    <message>
        <source>（节假日未录入，按周一至周五估算）</source>
        <translation> (holidays not entered; estimated as Monday–Friday)</translation>
    </message>
    <message>
        <source>新的客户接待申请</source>
        <translation>New reception application</translation>
    </message>
    <message>
        <source>（补填）</source>
        <translation> (filed afterwards)</translation>
    </message>
    <message>
        <source>超标准</source>
        <translation>Over standard</translation>
    </message>
    <message>
        <source>补填</source>
        <translation>Filed afterwards</translation>
    </message>
    <message>
        <source>第 {n} 版</source>
        <translation>revision {n}</translation>
    </message>
    <message>
        <source>{name} 于 {at} 退回修改：{comment}</source>
        <translation>Returned for changes by {name} on {at}: {comment}</translation>
    </message>
    <message>
        <source>撤回这份申请吗？撤回后可以修改再提交。</source>
        <translation>Withdraw this application? You can edit and submit it again.</translation>
    </message>
    <message>
        <source>已批准的申请不能直接修改。建立一个新版本，修改后重新走审批流程吗？原批准版本会保留。</source>
        <translation>An approved application cannot be edited. Create a new revision that goes through approval again? The approved revision is kept.</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>我的申请</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>本部门</source>
        <translation>My department</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>来宾公司或编号</source>
        <translation>Client company or number</translation>
    </message>
    <message>
        <source>新建申请 (Ctrl+N)</source>
        <translation>New application (Ctrl+N)</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>催办 (Ctrl+Shift+U)</source>
        <translation>Remind (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>提醒当前审批人尽快审批（每隔几小时只能催办一次）</source>
        <translation>Remind the current approvers to decide soon (possible only once every few hours)</translation>
    </message>
    <message>
        <source>{n} 份</source>
        <translation>{n} applications</translation>
    </message>
    <message>
        <source>{number}：已提醒 {n} 位审批人。</source>
        <translation>{number}: {n} approver(s) reminded.</translation>
    </message>
</context>
<context>
    <name>ApprovalSummary</name>
    <message>
        <source>超标</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>来宾公司</source>
        <translation>Client company</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>到访</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>来宾</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>背景</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>加急：</source>
        <translation>Urgent: </translation>
    </message>
    <message>
        <source>有超标准费用</source>
        <translation>Spending over the standard</translation>
    </message>
    <message>
        <source>事后补填</source>
        <translation>Filed afterwards</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>标准估算</source>
        <translation>Standard estimate</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>部门当月预算剩余</source>
        <translation>Department budget left this month</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>待我审批</source>
        <extracomment>Kinds of change that may add to or take from this inbox. The two lists this view shows: what waits for me, and what was copied to me (抄送我).</extracomment>
        <translation>Waiting for me</translation>
    </message>
    <message>
        <source>抄送我</source>
        <translation>CC to me</translation>
    </message>
    <message>
        <source>审批意见（退回、驳回时必填）</source>
        <translation>Comment (required to return or reject)</translation>
    </message>
    <message>
        <source>超标准理由（这一步含超标准审批，同意时必填）</source>
        <translation>Reason for exceeding the standard (this step includes over-standard approval; required to approve)</translation>
    </message>
    <message>
        <source>同意 (Ctrl+Enter)</source>
        <translation>Approve (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>查看申请表…</source>
        <translation>View application…</translation>
    </message>
    <message>
        <source>用同一条意见同意所选的全部申请；含超标准审批的会留下单独审批</source>
        <translation>Approve all selected applications with the same comment; those needing over-standard approval are left for a separate decision</translation>
    </message>
    <message>
        <source>抄送我：{n} 份（只读）</source>
        <translation>CC to me: {n} (read-only)</translation>
    </message>
    <message>
        <source>待我审批：{n} 份</source>
        <translation>Waiting for me: {n}</translation>
    </message>
    <message>
        <source>待我审批 ({n})</source>
        <translation>Waiting for me ({n})</translation>
    </message>
    <message>
        <source>抄送我 ({n})</source>
        <translation>CC to me ({n})</translation>
    </message>
    <message>
        <source>{handled}请选择下一份申请。</source>
        <translation>{handled}Select the next application.</translation>
    </message>
    <message>
        <source>{handled}没有其他等待您审批的申请。</source>
        <translation>{handled}No other applications are waiting for your approval.</translation>
    </message>
    <message>
        <source>没有等待您审批的申请。</source>
        <translation>No applications are waiting for your approval.</translation>
    </message>
    <message>
        <source>请选择一份申请。</source>
        <translation>Select an application.</translation>
    </message>
    <message>
        <source>驳回后申请结束，申请人需重新申请。确定驳回吗？</source>
        <translation>A rejected application ends here; the applicant must file a new one. Reject?</translation>
    </message>
    <message>
        <source>已处理 {number}（{client}）：{decision}。</source>
        <translation>Handled {number} ({client}): {decision}. </translation>
    </message>
    <message>
        <source>{number}（{client}）：{decision}。现在：{where}</source>
        <translation>{number} ({client}): {decision}. Now: {where}</translation>
    </message>
    <message>
        <source>正在提交审批意见…</source>
        <translation>Submitting the decision…</translation>
    </message>
    <message>
        <source>转交</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>加签</source>
        <translation>Add approver</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>退回到…</source>
        <translation>Return to…</translation>
    </message>
    <message>
        <source>转交…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>加签…</source>
        <translation>Add approver…</translation>
    </message>
    <message>
        <source>抄送…</source>
        <translation>CC…</translation>
    </message>
    <message>
        <source>批量同意</source>
        <translation>Approve selected</translation>
    </message>
    <message>
        <source>{number}（{client}）：已{action}。</source>
        <translation>{number} ({client}): {action} done.</translation>
    </message>
    <message>
        <source>已同意 {n} 份。</source>
        <translation>{n} approved.</translation>
    </message>
    <message>
        <source>未处理 {n} 份：</source>
        <translation> {n} not handled: </translation>
    </message>
</context>
<context>
    <name>ArrangementDialog</name>
    <message>
        <source>接待安排</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>需要投影仪</source>
        <translation>Projector needed</translation>
    </message>
    <message>
        <source>航班 / 车次</source>
        <translation>Flight / train</translation>
    </message>
    <message>
        <source>机场 / 车站</source>
        <translation>Airport / station</translation>
    </message>
    <message>
        <source>时间待定（提前 1 小时提醒）</source>
        <translation>Time to be confirmed (reminder 1 hour before)</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>时间 *</source>
        <translation>Time *</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>会议室</source>
        <translation>Meeting rooms</translation>
    </message>
    <message>
        <source>车辆</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>接送</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>讲解</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>参观路线</source>
        <translation>Tour route</translation>
    </message>
    <message>
        <source>餐厅</source>
        <translation>Restaurants</translation>
    </message>
    <message>
        <source>协议酒店</source>
        <translation>Agreement hotels</translation>
    </message>
    <message>
        <source>来宾</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>陪餐</source>
        <translation>Diners</translation>
    </message>
    <message>
        <source>房间</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>晚</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>我方人员</source>
        <translation>Our people</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>保存此项</source>
        <translation>Save item</translation>
    </message>
    <message>
        <source>新增事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>删除此项</source>
        <translation>Delete item</translation>
    </message>
    <message>
        <source>日程事项</source>
        <translation>Itinerary item</translation>
    </message>
    <message>
        <source>准备事项</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>新增准备事项，如：接站牌</source>
        <translation>New checklist item, e.g. pickup sign</translation>
    </message>
    <message>
        <source>保存接收人</source>
        <translation>Save recipients</translation>
    </message>
    <message>
        <source>准备工作</source>
        <translation>Preparation checklist</translation>
    </message>
    <message>
        <source>安排表接收人</source>
        <translation>Sheet recipients</translation>
    </message>
    <message>
        <source>打印安排表…</source>
        <translation>Print arrangement sheet…</translation>
    </message>
    <message>
        <source>打印行程单…</source>
        <translation>Print itinerary…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>安排表第 {n} 版</source>
        <translation>sheet revision {n}</translation>
    </message>
    <message>
        <source>（打印后有变更）</source>
        <translation> (changed since printed)</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>done</translation>
    </message>
    <message>
        <source>冲突，未保存：</source>
        <translation>Clash, not saved:</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除这一项安排吗？</source>
        <translation>Delete this item?</translation>
    </message>
    <message>
        <source>客户接待安排表</source>
        <translation>Reception arrangement sheet</translation>
    </message>
    <message>
        <source>商务考察行程安排表</source>
        <translation>Business visit itinerary</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>导出安排表 / 行程单</source>
        <translation>Export arrangement sheet / itinerary</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
        <translation>PDF file (*.pdf);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>变更（原值 → 新值）</source>
        <translation>Changes (old → new)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>记录编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>共 {n} 条，显示最新的 {shown} 条；导出包含全部。</source>
        <translation>{n} entries, showing the latest {shown}; the export includes all of them.</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>正在校验审计链…</source>
        <translation>Verifying the audit chain…</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>审计日志（导出于 {at}）</source>
        <translation>Audit log (exported {at})</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>恢复…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>恢复会用备份替换全部数据（恢复前自动备份当前数据）；请先关闭其他电脑上的本程序。恢复后需要重新登录。</source>
        <translation>Restoring replaces all data with the backup (the current data is backed up automatically first); close this program on the other PCs first. You must log in again after restoring.</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>保留最近</source>
        <translation>Keep the last</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>上次成功备份</source>
        <translation>Last successful backup</translation>
    </message>
    <message>
        <source>上次错误</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>个人信息保留</source>
        <translation>Personal data retention</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>保存期限</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>期满后删除访客的电话和身份证号，姓名只保留姓氏（如“张某”“欧阳某”）。接待的费用未报销或反馈表未提交的、今天的和仍在场的访客不受影响。程序启动时及每天自动执行，并记入审计日志。</source>
        <translation>When the period has passed, visitors&apos; phone numbers and ID numbers are deleted and only the surname of the name is kept (e.g. “张某”, “欧阳某”). Visitors whose reception&apos;s expenses have not been reimbursed or whose feedback form has not been submitted, today&apos;s visitors and visitors still on site are not affected. This runs when the program starts and every day, and is recorded in the audit log.</translation>
    </message>
    <message>
        <source>立即清理</source>
        <translation>Clean up now</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>SQLite 数据库在程序启动时及每天自动备份一次，保存在下面的文件夹，只保留最近几份。</source>
        <translation>The SQLite database is backed up automatically once when the program starts and once a day, into the folder below; only the most recent copies are kept.</translation>
    </message>
    <message>
        <source>PostgreSQL 数据库请由服务器定期备份（pg_dump）；也可随时在上面手动备份。</source>
        <translation>Have the server back up a PostgreSQL database regularly (pg_dump); you can also back it up by hand above at any time.</translation>
    </message>
    <message>
        <source>数据库：{db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>接待管理备份 (*.zip)</source>
        <translation>Reception Manager backup (*.zip)</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {path}（{size}，数据库结构 {schema}）</source>
        <translation>Backed up to {path} ({size}, database schema {schema})</translation>
    </message>
    <message>
        <source>备份失败：{error}</source>
        <translation>Backup failed: {error}</translation>
    </message>
    <message>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>不能恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>用这个备份替换全部数据吗？

文件：{file}
备份时间：{created}（{by}）
数据库：{kind}，结构 {schema}

当前数据会先自动备份。其他电脑上的本程序请先关闭。恢复后需要重新登录。</source>
        <translation>Replace all data with this backup?

File: {file}
Backed up: {created} ({by})
Database: {kind}, schema {schema}

The current data will be backed up automatically first. Close this program on the other PCs first. You must log in again after restoring.</translation>
    </message>
    <message>
        <source>恢复数据</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <source>数据已从备份恢复。恢复前的数据保存在：
{safety}

程序将重新载入，请重新登录。</source>
        <translation>The data has been restored from the backup. The data from before the restore is saved in:
{safety}

The program will now reload; please log in again.</translation>
    </message>
    <message>
        <source>正在恢复数据…</source>
        <translation>Restoring data…</translation>
    </message>
    <message>
        <source>正在清理过期的个人信息…</source>
        <translation>Cleaning up expired personal data…</translation>
    </message>
    <message>
        <source>{cutoff} 之前的来访：已清理 {visits} 条来访、{visitors} 位访客、{notes} 条通知；因费用或反馈未完成保留 {open} 条，仍在场保留 {on_site} 条。</source>
        <translation>Visits before {cutoff}: cleaned up {visits} visits, {visitors} visitors and {notes} notifications; kept {open} because expenses or feedback are not finished and {on_site} because the visitors are still on site.</translation>
    </message>
</context>
<context>
    <name>BudgetEditor</name>
    <message>
        <source>全年金额</source>
        <translation>Annual amount</translation>
    </message>
    <message>
        <source>平均分到 12 个月</source>
        <translation>Split over 12 months</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>{m} 月</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <source>保存预算</source>
        <translation>Save budget</translation>
    </message>
    <message>
        <source>已批 {used}，剩余 {left}</source>
        <translation>approved {used}, left {left}</translation>
    </message>
    <message>
        <source>全年金额无法识别。</source>
        <translation>The annual amount is not understood.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <source>公司休息日</source>
        <translation>Company day off</translation>
    </message>
    <message>
        <source>公司工作日（补班）</source>
        <translation>Company working day</translation>
    </message>
    <message>
        <source>恢复国家日历</source>
        <translation>Back to the national calendar</translation>
    </message>
    <message>
        <source>说明，如：公司年会</source>
        <translation>Note, e.g. company annual meeting</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>工作日按国家法定节假日与调休计算（chinese-calendar），再加上公司自己的安排：</source>
        <translation>Working days follow the national holidays and make-up days (chinese-calendar), plus the company&apos;s own days:</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>working day</translation>
    </message>
    <message>
        <source>休息日</source>
        <translation>day off</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{day} 是{what}</source>
        <translation>{day} is a {what}</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>（今天）</source>
        <translation> (today)</translation>
    </message>
    <message>
        <source>（明天）</source>
        <translation> (tomorrow)</translation>
    </message>
    <message>
        <source>{client}（{number}）
{start} — {end}
{level} 级 · {department}</source>
        <translation>{client} ({number})
{start} — {end}
Level {level} · {department}</translation>
    </message>
    <message>
        <source>尚未安排日程</source>
        <translation>No itinerary yet</translation>
    </message>
    <message>
        <source>第{n}/{m}天 </source>
        <translation>Day {n}/{m} </translation>
    </message>
    <message>
        <source>（未安排）</source>
        <translation> (not arranged)</translation>
    </message>
</context>
<context>
    <name>ChainEditor</name>
    <message>
        <source>顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>仅限级别（如 A,B）</source>
        <translation>Only levels (e.g. A,B)</translation>
    </message>
    <message>
        <source>仅超标准时</source>
        <translation>Only over standard</translation>
    </message>
    <message>
        <source>总额超过（元）</source>
        <translation>Total above (yuan)</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>添加步骤</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>保存审批流程</source>
        <translation>Save approval chain</translation>
    </message>
    <message>
        <source>提交时按条件确定每份申请的审批步骤；已在审批中的申请不受修改影响。部门负责人一步只能由申请部门的负责人审批；任何人不能审批自己的申请。</source>
        <translation>Each application&apos;s steps are fixed by these conditions when it is submitted; applications already under way are not affected. The department-manager step can only be decided by the manager of the applicant&apos;s department, and nobody approves their own application.</translation>
    </message>
    <message>
        <source>或签：该角色任一人同意即可；会签：该角色所有人都要同意</source>
        <translation>Any one approves: one person in the role is enough; All must approve: everyone in the role must approve</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>导出为 PNG…</source>
        <translation>Export as PNG…</translation>
    </message>
    <message>
        <source>打开明细</source>
        <translation>Open details</translation>
    </message>
    <message>
        <source>导出图表</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>无法写入 {path}。</source>
        <translation>Cannot write {path}.</translation>
    </message>
</context>
<context>
    <name>CheckInForm</name>
    <message>
        <source>姓名，或拼音首字母/电话查找老访客</source>
        <translation>Name, or pinyin initials / phone to find a returning visitor</translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>已上茶</source>
        <translation>Tea served</translation>
    </message>
    <message>
        <source>签到后打印胸卡</source>
        <translation>Print badge after check-in</translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>电话 *</source>
        <translation>Phone *</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>接待人 *</source>
        <translation>Host *</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>来访类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>来访事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>胸卡号</source>
        <translation>Badge no.</translation>
    </message>
    <message>
        <source>等候地点</source>
        <translation>Waiting at</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>签到 (Enter)</source>
        <translation>Check in (Enter)</translation>
    </message>
    <message>
        <source>清空 (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>（按接待人）</source>
        <translation>(host&apos;s department)</translation>
    </message>
    <message>
        <source>时间未定</source>
        <translation>Time not fixed</translation>
    </message>
    <message>
        <source>{label}（今日预约 {time}）</source>
        <translation>{label} (expected today {time})</translation>
    </message>
    <message>
        <source>来访 {n} 次</source>
        <translation>{n} visits</translation>
    </message>
    <message>
        <source>已登记：{id}（留空沿用）</source>
        <translation>On file: {id} (leave empty to keep)</translation>
    </message>
    <message>
        <source>找不到接待人“{text}”。</source>
        <translation>No employee matches “{text}”.</translation>
    </message>
    <message>
        <source>有多位员工匹配：{names}，请从列表中选择。</source>
        <translation>Several employees match: {names}. Please pick one from the list.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>立即重试</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>与数据库服务器的连接已断开，正在重试…（正在连接）</source>
        <translation>The connection to the database server was lost; retrying… (connecting)</translation>
    </message>
    <message>
        <source>与数据库服务器的连接已断开，正在重试…</source>
        <translation>The connection to the database server was lost; retrying…</translation>
    </message>
    <message>
        <source>与数据库服务器的连接已断开，正在重试…（上次尝试 {time}）</source>
        <translation>The connection to the database server was lost; retrying… (last attempt {time})</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>数据库连接 — 接待管理</source>
        <translation>Database connection — Reception Manager</translation>
    </message>
    <message>
        <source>选择这台电脑使用的数据库。多台电脑（前台、行政部、财务）共用数据时，请选择 PostgreSQL 服务器，并填写管理员提供的地址、数据库、用户名和密码。</source>
        <translation>Choose the database this PC uses. If several PCs (front desk, admin office, finance) share the data, choose PostgreSQL server and enter the address, database, user name and password from your administrator.</translation>
    </message>
    <message>
        <source>保存并连接</source>
        <translation>Save and connect</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>本机数据库（只有这台电脑使用）</source>
        <translation>Local database (used by this PC only)</translation>
    </message>
    <message>
        <source>PostgreSQL 服务器（多台电脑共用一个数据库）</source>
        <translation>PostgreSQL server (several PCs share one database)</translation>
    </message>
    <message>
        <source>数据库文件：{path}</source>
        <translation>Database file: {path}</translation>
    </message>
    <message>
        <source>例如 192.168.1.10 或 server.local</source>
        <translation>e.g. 192.168.1.10 or server.local</translation>
    </message>
    <message>
        <source>例如 reception</source>
        <translation>e.g. reception</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>密码保存在系统的密钥环中。</source>
        <translation>The password is stored in the system keyring.</translation>
    </message>
    <message>
        <source>注意：此系统没有可用的密钥环，密码将以明文保存在本机用户的设置文件中（{path}）。</source>
        <translation>Note: no keyring is available on this system; the password will be stored in plain text in this user&apos;s settings file on this PC ({path}).</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>正在测试连接…</source>
        <translation>Testing the connection…</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <source>当前使用：{where}</source>
        <translation>Currently using: {where}</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>已保存。重新启动程序后使用新的数据库连接。</source>
        <translation>Saved. The new database connection is used after the program is restarted.</translation>
    </message>
    <message>
        <source>密码保存在本机用户的设置文件中。</source>
        <translation>The password is stored in this user&apos;s settings file on this PC.</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>主管用户名</source>
        <translation>Supervisor user name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>CrudEditor</name>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>此项不能删除；可以停用。</source>
        <translation>This item cannot be deleted; you can deactivate it.</translation>
    </message>
    <message>
        <source>删除“{name}”吗？</source>
        <translation>Delete “{name}”?</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>刷新</source>
        <extracomment>(view key, filter) asked for by a click; the main window opens it.</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>月度接待报告…</source>
        <translation>Monthly report…</translation>
    </message>
    <message>
        <source>首页概览 · {date}</source>
        <translation>Overview · {date}</translation>
    </message>
    <message>
        <source>单击打开明细；右键导出为 PNG</source>
        <translation>Click to open the details; right-click to export as PNG</translation>
    </message>
    <message>
        <source>前台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>今日来访（人）</source>
        <translation>Visitors today</translation>
    </message>
    <message>
        <source>当前在访（人）</source>
        <translation>On site now</translation>
    </message>
    <message>
        <source>今日预约未到（人）</source>
        <translation>Expected today, not arrived</translation>
    </message>
    <message>
        <source>今日来访（按签到时刻，时）</source>
        <translation>Visitors today (by check-in hour)</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>本周与上周（按星期）</source>
        <translation>This week vs. last week (by weekday)</translation>
    </message>
    <message>
        <source>上周</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>行政部</source>
        <translation>Admin office</translation>
    </message>
    <message>
        <source>{date} 前未完成的准备事项</source>
        <translation>Preparations open until {date}</translation>
    </message>
    <message>
        <source>逾期未交的信息反馈</source>
        <translation>Overdue feedback</translation>
    </message>
    <message>
        <source>本周和下周的接待（按到达日、级别）</source>
        <translation>Receptions this week and next (by arrival day and level)</translation>
    </message>
    <message>
        <source>会议室与车辆预订（按天）</source>
        <translation>Meeting room and vehicle bookings (by day)</translation>
    </message>
    <message>
        <source>会议室</source>
        <translation>Meeting rooms</translation>
    </message>
    <message>
        <source>车辆</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>{number} {client}（{arrival}）：{n} 项未完成</source>
        <translation>{number} {client} ({arrival}): {n} items open</translation>
    </message>
    <message>
        <source>财务 / 总经理</source>
        <translation>Finance / General manager</translation>
    </message>
    <message>
        <source>本月接待费用</source>
        <translation>Reception costs this month</translation>
    </message>
    <message>
        <source>本年接待费用</source>
        <translation>Reception costs this year</translation>
    </message>
    <message>
        <source>待处理对账记录</source>
        <translation>Open reconciliation flags</translation>
    </message>
    <message>
        <source>待审核 {a} · 待审批 {b} · 待报销 {c}</source>
        <translation>To audit {a} · To approve {b} · To reimburse {c}</translation>
    </message>
    <message>
        <source>本年超标准接待</source>
        <translation>Over-standard receptions this year</translation>
    </message>
    <message>
        <source>接待费用（按部门）</source>
        <translation>Reception costs (by department)</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>接待费用（按级别）</source>
        <translation>Reception costs (by level)</translation>
    </message>
    <message>
        <source>人均接待费用（按级别，本年）</source>
        <translation>Cost per guest (by level, this year)</translation>
    </message>
    <message>
        <source>元/人</source>
        <translation>Yuan per guest</translation>
    </message>
    <message>
        <source>超预算：</source>
        <translation>Over budget: </translation>
    </message>
    <message>
        <source>{dep} {m} 月 {actual} / 预算 {budget}</source>
        <translation>{dep} month {m}: {actual} / budget {budget}</translation>
    </message>
    <message>
        <source>本年没有超预算的部门月份。</source>
        <translation>No department went over budget in any month this year.</translation>
    </message>
    <message>
        <source>{year} 年预算与实际（按月，千元）</source>
        <translation>Budget vs. actual {year} (by month, thousand yuan)</translation>
    </message>
    <message>
        <source>预算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
</context>
<context>
    <name>DenyEditor</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>黑名单条目</source>
        <translation>Deny-list entry</translation>
    </message>
    <message>
        <source>原因 *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>生效</source>
        <translation>In force</translation>
    </message>
</context>
<context>
    <name>DepartmentEditor</name>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>员工数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>EInvoiceAttach</name>
    <message>
        <source>选择电子发票</source>
        <translation>Choose e-invoice</translation>
    </message>
    <message>
        <source>电子发票 (*.pdf *.ofd *.xml)</source>
        <translation>E-invoices (*.pdf *.ofd *.xml)</translation>
    </message>
    <message>
        <source>明细上的发票号码 {typed} 与文件中的 {read} 不一致，未附加。</source>
        <translation>The invoice number {typed} on the line does not match {read} in the file; not attached.</translation>
    </message>
    <message>
        <source>已读取 {file}（{type} {no}，价税合计 {total}），保存明细时一并附加。</source>
        <translation>Read {file} ({type} {no}, total incl. tax {total}); it will be attached when the line is saved.</translation>
    </message>
    <message>
        <source>请核对：{notes}</source>
        <translation>Please check: {notes}</translation>
    </message>
    <message>
        <source>已附加电子发票 {no}。</source>
        <translation>E-invoice {no} attached.</translation>
    </message>
    <message>
        <source>正在附加电子发票…</source>
        <translation>Attaching e-invoice…</translation>
    </message>
</context>
<context>
    <name>EInvoiceImport</name>
    <message>
        <source>电子表格或电子发票 (*.xlsx *.xls *.ods *.csv *.pdf *.ofd *.xml)</source>
        <translation>Spreadsheets or e-invoices (*.xlsx *.xls *.ods *.csv *.pdf *.ofd *.xml)</translation>
    </message>
    <message>
        <source>电子发票 (*.pdf *.ofd *.xml)</source>
        <translation>E-invoices (*.pdf *.ofd *.xml)</translation>
    </message>
    <message>
        <source>电子表格 (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>一次导入一个电子表格：已打开 {name}，其余请逐个导入。</source>
        <translation>One spreadsheet at a time: {name} is open; import the others one by one.</translation>
    </message>
    <message>
        <source>{name} 不是电子表格或电子发票，未导入。</source>
        <translation>{name} is not a spreadsheet or an e-invoice; not imported.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>EInvoiceImportDialog</name>
    <message>
        <source>导入电子发票</source>
        <translation>Import e-invoices</translation>
    </message>
    <message>
        <source>把电子发票（PDF、OFD、数电票 XML）或整个文件夹拖到这里，或点“添加文件…”。每张发票一行。</source>
        <translation>Drag e-invoices (PDF, OFD, fully digital e-invoice XML) or whole folders here, or click “Add files…”. One row per invoice.</translation>
    </message>
    <message>
        <source>新</source>
        <translation>New</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>发票号码</source>
        <translation>Invoice number</translation>
    </message>
    <message>
        <source>开票日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>销售方</source>
        <translation>Seller</translation>
    </message>
    <message>
        <source>价税合计</source>
        <translation>Total incl. tax</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>（有提示）</source>
        <translation> (with notes)</translation>
    </message>
    <message>
        <source>原因 / 提示</source>
        <translation>Reason / notes</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>导入新发票</source>
        <translation>Import new invoices</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择电子发票</source>
        <translation>Choose e-invoices</translation>
    </message>
    <message>
        <source>电子发票 (*.pdf *.ofd *.xml)</source>
        <translation>E-invoices (*.pdf *.ofd *.xml)</translation>
    </message>
    <message>
        <source>选择存放电子发票的文件夹</source>
        <translation>Choose the folder with the e-invoices</translation>
    </message>
    <message>
        <source>{names} 不是电子发票，请在“导入”页导入电子表格。</source>
        <translation>{names} are not e-invoices; import spreadsheets on the “Import” tab.</translation>
    </message>
    <message>
        <source>正在读取 {n} 个文件…</source>
        <translation>Reading {n} files…</translation>
    </message>
    <message>
        <source>正在读取 {done}/{total}…</source>
        <translation>Reading {done}/{total}…</translation>
    </message>
    <message>
        <source>已取消读取。</source>
        <translation>Reading cancelled.</translation>
    </message>
    <message>
        <source>无法读取这些文件。</source>
        <translation>These files cannot be read.</translation>
    </message>
    <message>
        <source>正在读取电子发票…</source>
        <translation>Reading e-invoices…</translation>
    </message>
    <message>
        <source>{files} 个文件：新 {new} 张（其中 {flagged} 张有提示），重复 {dup} 张，无法读取 {err} 个。</source>
        <translation>{files} files: {new} new (of which {flagged} with notes), {dup} duplicates, {err} unreadable.</translation>
    </message>
    <message>
        <source>导入 {n} 张新发票</source>
        <translation>Import {n} new invoices</translation>
    </message>
    <message>
        <source>没有问题。</source>
        <translation>No problems.</translation>
    </message>
    <message>
        <source>{file}：{text}</source>
        <translation>{file}: {text}</translation>
    </message>
    <message>
        <source>已导入，批次 {batch}。</source>
        <translation>Imported as batch {batch}. </translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>EmployeeEditor</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>员工（接待人）</source>
        <translation>Employees (hosts)</translation>
    </message>
    <message>
        <source>姓名或拼音首字母</source>
        <translation>Name or pinyin initials</translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>部门 *</source>
        <translation>Department *</translation>
    </message>
    <message>
        <source>在职</source>
        <translation>Employed</translation>
    </message>
    <message>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
</context>
<context>
    <name>ExpensesView</name>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>来宾公司</source>
        <translation>Client company</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>应交</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>（待确认）</source>
        <translation> (to be confirmed)</translation>
    </message>
    <message>
        <source> 逾期</source>
        <translation> overdue</translation>
    </message>
    <message>
        <source>该年法定节假日尚未录入，按周一至周五估算</source>
        <translation>That year&apos;s public holidays have not been entered; counted as Monday to Friday</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>商户</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>发票号</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <source>价税合计</source>
        <translation>Total incl. tax</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>凭证</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <source>类别 / 日期</source>
        <translation>Category / date</translation>
    </message>
    <message>
        <source>发票代码 / 号码</source>
        <translation>Invoice code / number</translation>
    </message>
    <message>
        <source>税额</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>酒水</source>
        <translation>Drinks</translation>
    </message>
    <message>
        <source>价税合计 *</source>
        <translation>Total incl. tax *</translation>
    </message>
    <message>
        <source>来宾</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>陪餐</source>
        <translation>Diners</translation>
    </message>
    <message>
        <source>间</source>
        <translation>rooms</translation>
    </message>
    <message>
        <source>晚</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>趟</source>
        <translation>trips</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>支付方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>超标 / 超预算说明</source>
        <translation>Reason for exceeding</translation>
    </message>
    <message>
        <source>保存明细</source>
        <translation>Save line</translation>
    </message>
    <message>
        <source>新明细</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>删除明细</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <source>附加凭证…</source>
        <translation>Attach voucher…</translation>
    </message>
    <message>
        <source>打开凭证</source>
        <translation>Open voucher</translation>
    </message>
    <message>
        <source>添加电子发票…</source>
        <translation>Add e-invoice…</translation>
    </message>
    <message>
        <source>费用明细</source>
        <translation>Expense line</translation>
    </message>
    <message>
        <source>意见（退回时必填）</source>
        <translation>Comment (required to return)</translation>
    </message>
    <message>
        <source>提交财务</source>
        <translation>Submit to finance</translation>
    </message>
    <message>
        <source>部门负责人签字</source>
        <translation>Department manager sign-off</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Audit passed</translation>
    </message>
    <message>
        <source>总经理审批</source>
        <translation>GM approval</translation>
    </message>
    <message>
        <source>登记报销…</source>
        <translation>Record reimbursement…</translation>
    </message>
    <message>
        <source>打印 / 导出…</source>
        <translation>Print / export…</translation>
    </message>
    <message>
        <source>（待确认：节假日未录入，按周一至周五估算）</source>
        <translation> (to be confirmed: holidays not entered, counted as Monday to Friday)</translation>
    </message>
    <message>
        <source>费用汇总当前为“{status}”。</source>
        <translation>The expense summary is “{status}”.</translation>
    </message>
    <message>
        <source>部门负责人只能在提交后、财务审核前签字。</source>
        <translation>The department manager can sign only after it is submitted and before the finance audit.</translation>
    </message>
    <message>
        <source>部门负责人已经签字。</source>
        <translation>The department manager has already signed.</translation>
    </message>
    <message>
        <source>这份费用汇总不需要部门负责人签字。</source>
        <translation>This expense summary does not need the department manager&apos;s signature.</translation>
    </message>
    <message>
        <source>只有接待部门的负责人可以签字（提交人本人除外）。</source>
        <translation>Only the manager of the host department can sign (not the person who submitted it).</translation>
    </message>
    <message>
        <source>只有财务可以审核。</source>
        <translation>Only finance can audit.</translation>
    </message>
    <message>
        <source>只有接待的申请人、接待负责人、部门负责人或行政部可以填写这份费用汇总。</source>
        <translation>Only the reception&apos;s applicant, the person in charge, the department head or the admin office can fill in this expense summary.</translation>
    </message>
    <message>
        <source>只有财务可以退回。</source>
        <translation>Only finance can return it.</translation>
    </message>
    <message>
        <source>正在保存凭证…</source>
        <translation>Saving voucher…</translation>
    </message>
    <message>
        <source>正在打开凭证…</source>
        <translation>Opening voucher…</translation>
    </message>
    <message>
        <source>导出接待费用报销汇总表</source>
        <translation>Export reception expense summary</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>{number} {client}&#x3000;{status}&#x3000;应于 {due} 前提交{late}&#x3000;合计 {total}（{capital}）</source>
        <translation>{number} {client}   {status}   due {due}{late}   total {total} ({capital})</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>请先选择一条费用明细。</source>
        <translation>Select an expense line first.</translation>
    </message>
    <message>
        <source>选择凭证</source>
        <translation>Choose a voucher</translation>
    </message>
    <message>
        <source>图片或 PDF (*.pdf *.png *.jpg *.jpeg *.ofd)</source>
        <translation>Images or PDF (*.pdf *.png *.jpg *.jpeg *.ofd)</translation>
    </message>
    <message>
        <source>已完成：{status}</source>
        <translation>Done: {status}</translation>
    </message>
    <message>
        <source>接待费用报销汇总表</source>
        <translation>Reception expense summary</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Preparing…</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待填写</source>
        <translation>To fill in</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>来宾公司</source>
        <translation>Client company</translation>
    </message>
    <message>
        <source>接待负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>应交日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>（待确认）</source>
        <translation> (to be confirmed)</translation>
    </message>
    <message>
        <source>该年法定节假日尚未录入，按周一至周五估算</source>
        <translation>That year&apos;s public holidays have not been entered; counted as Monday to Friday</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>未评</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>跟进措施</source>
        <translation>Follow-up actions</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>添加措施</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>洽谈内容 *</source>
        <translation>Discussed *</translation>
    </message>
    <message>
        <source>客户需求</source>
        <translation>Client requirements</translation>
    </message>
    <message>
        <source>满意度（1–5）*</source>
        <translation>Satisfaction (1–5) *</translation>
    </message>
    <message>
        <source>跟进负责人 *</source>
        <translation>Follow-up owner *</translation>
    </message>
    <message>
        <source>提交反馈</source>
        <translation>Submit feedback</translation>
    </message>
    <message>
        <source>打印 / 导出…</source>
        <translation>Print / export…</translation>
    </message>
    <message>
        <source>部门负责人签认</source>
        <translation>Department manager sign-off</translation>
    </message>
    <message>
        <source>导出客户接待信息反馈表</source>
        <translation>Export reception feedback form</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>客户接待信息反馈表</source>
        <translation>Reception feedback form</translation>
    </message>
    <message>
        <source>已结束的接待 {n} 次，逾期未反馈 {late} 次（接待结束后 2 个工作日内提交）</source>
        <translation>{n} receptions ended, {late} with overdue feedback (due within 2 working days of the end)</translation>
    </message>
    <message>
        <source>已提交。</source>
        <translation>Submitted.</translation>
    </message>
    <message>
        <source>已签认：{name} {date}</source>
        <translation>Signed off: {name} {date}</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Preparing…</translation>
    </message>
</context>
<context>
    <name>FinesView</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>被赞助人</source>
        <translation>Person fined</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>性质</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>关联接待</source>
        <translation>Related reception</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(select)</translation>
    </message>
    <message>
        <source> 倍</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>1 倍为一般违规；情节严重者 2–5 倍，须写明违规情况</source>
        <translation>1× for an ordinary violation; 2–5× for serious cases, which need a description</translation>
    </message>
    <message>
        <source>被赞助人 *</source>
        <translation>Person fined *</translation>
    </message>
    <message>
        <source>违反条款 *</source>
        <translation>Clause violated *</translation>
    </message>
    <message>
        <source>倍数</source>
        <translation>Multiplier</translation>
    </message>
    <message>
        <source>违规日期 *</source>
        <translation>Date of violation *</translation>
    </message>
    <message>
        <source>违规情况</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>作废所选</source>
        <translation>Void selected</translation>
    </message>
    <message>
        <source>打印 / 导出赞助单…</source>
        <translation>Print / export fine slip…</translation>
    </message>
    <message>
        <source>记录违规（赞助单）</source>
        <translation>Record a violation (fine slip)</translation>
    </message>
    <message>
        <source>按人按月合计</source>
        <translation>Totals by person and month</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{base} × {m} = {amount}；直接领导连带 {p}%</source>
        <translation>{base} × {m} = {amount}; direct leader jointly liable for {p}%</translation>
    </message>
    <message>
        <source>赞助记录 {n} 条，合计 {amount}</source>
        <translation>{n} fines, total {amount}</translation>
    </message>
    <message>
        <source>{name} 连带 {amount}</source>
        <translation>{name} jointly liable: {amount}</translation>
    </message>
    <message>
        <source>已记录：{name} {amount}</source>
        <translation>Recorded: {name} {amount}</translation>
    </message>
    <message>
        <source>请先选择一条赞助记录。</source>
        <translation>Select a fine first.</translation>
    </message>
    <message>
        <source>已作废。</source>
        <translation>Voided.</translation>
    </message>
    <message>
        <source>赞助单</source>
        <translation>Fine slip</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>导出赞助单</source>
        <translation>Export fine slip</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次使用：创建管理员账户</source>
        <translation>First run: create the administrator account</translation>
    </message>
    <message>
        <source>这是一个新的数据库。请创建系统管理员账户，之后可在“设置”里添加其他用户。</source>
        <translation>This is a new database. Create the system administrator account; other users can be added later under Settings.</translation>
    </message>
    <message>
        <source>例如：行政部 刘洋</source>
        <translation>e.g. Admin office, Liu Yang</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The passwords do not match.</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>我的界面语言</source>
        <translation>My UI language</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source> 小时</source>
        <extracomment>Yes/no settings shown as check boxes, and whole numbers of hours as a spin box (issue 11).</extracomment>
        <translation> h</translation>
    </message>
</context>
<context>
    <name>HostPicker</name>
    <message>
        <source>姓名或拼音首字母，如 zw</source>
        <translation>Name or pinyin initials, e.g. zw</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>发票代码</source>
        <translation>Invoice code</translation>
    </message>
    <message>
        <source>发票号码</source>
        <translation>Invoice number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>销方 / 对方户名</source>
        <translation>Vendor / counterparty</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>金额（不含税）</source>
        <translation>Amount before tax</translation>
    </message>
    <message>
        <source>税额</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>价税合计</source>
        <translation>Total incl. tax</translation>
    </message>
    <message>
        <source>支出 / 借方</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>存入 / 贷方</source>
        <translation>Credit</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>表格 .xlsx .xls .ods .csv；电子发票 .pdf .ofd .xml</source>
        <translation>Spreadsheets .xlsx .xls .ods .csv; e-invoices .pdf .ofd .xml</translation>
    </message>
    <message>
        <source>电子发票可多选，也可把文件或文件夹拖到这一页</source>
        <translation>You can select several e-invoices, or drag files or folders onto this page</translation>
    </message>
    <message>
        <source>自动识别编码</source>
        <translation>Detect encoding</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>表头行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>映射方案名称，如：工行对公流水</source>
        <translation>Profile name, e.g. ICBC business account</translation>
    </message>
    <message>
        <source>保存映射方案</source>
        <translation>Save mapping profile</translation>
    </message>
    <message>
        <source>列映射（可修改后“重新读取”）</source>
        <translation>Column mapping (change it, then &quot;Read again&quot;)</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>发票号</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <source>销方 / 对方</source>
        <translation>Vendor / counterparty</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>价税合计</source>
        <translation>Total incl. tax</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>新</source>
        <translation>New</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>导入新记录</source>
        <translation>Import new lines</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>撤销所选批次</source>
        <translation>Undo selected batch</translation>
    </message>
    <message>
        <source>导入批次</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <source>选择发票清单、银行流水或电子发票</source>
        <translation>Choose an invoice list, bank statement or e-invoices</translation>
    </message>
    <message>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>正在读取 {done}/{total} 行…</source>
        <translation>Reading rows {done}/{total}…</translation>
    </message>
    <message>
        <source>已取消读取。</source>
        <translation>Reading cancelled.</translation>
    </message>
    <message>
        <source>无法读取这个文件。</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <source>正在读取表格…</source>
        <translation>Reading the spreadsheet…</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>第 {n} 列</source>
        <translation>column {n}</translation>
    </message>
    <message>
        <source>，使用映射方案“{p}”</source>
        <translation>, using profile “{p}”</translation>
    </message>
    <message>
        <source>{kind}：表头在第 {row} 行{profile}；新 {new} 条，重复 {dup} 条，错误 {err} 条，跳过 {skip} 行。</source>
        <translation>{kind}: header in row {row}{profile}; {new} new, {dup} duplicate, {err} with errors, {skip} rows skipped.</translation>
    </message>
    <message>
        <source>发票清单</source>
        <translation>Invoice list</translation>
    </message>
    <message>
        <source>银行 / 公务卡流水</source>
        <translation>Bank / card statement</translation>
    </message>
    <message>
        <source>导入 {n} 条新记录</source>
        <translation>Import {n} new lines</translation>
    </message>
    <message>
        <source>已保存映射方案“{name}”。</source>
        <translation>Mapping profile “{name}” saved.</translation>
    </message>
    <message>
        <source>正在导入 {done}/{total}…</source>
        <translation>Importing {done}/{total}…</translation>
    </message>
    <message>
        <source>已取消导入，没有写入任何记录。</source>
        <translation>Import cancelled; nothing was written. </translation>
    </message>
    <message>
        <source>已导入，批次 {batch}。</source>
        <translation>Imported as batch {batch}. </translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>撤销批次</source>
        <translation>Undo batch</translation>
    </message>
    <message>
        <source>撤销批次 {id}（{n} 条）吗？</source>
        <translation>Undo batch {id} ({n} lines)?</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 接待管理</source>
        <translation>Log in — Reception Manager</translation>
    </message>
    <message>
        <source>接待管理</source>
        <translation>Reception Manager</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>服务器连接…</source>
        <translation>Server connection…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>接待管理 — {company}</source>
        <extracomment>Kinds of change after which the navigation counts are read again. Kinds of change that may bring this user a notification.</extracomment>
        <translation>Reception Manager — {company}</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>我的账户</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>自己的电子邮件地址（接收通知）和密码</source>
        <translation>Your own e-mail address (for notifications) and password</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>注销 / 切换用户</source>
        <translation>Log out / switch user</translation>
    </message>
    <message>
        <source>退出当前用户，换另一位同事登录（程序不关闭）</source>
        <translation>Log out and let another colleague log in (the program stays open)</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>当前用户：{name}（{roles}）</source>
        <translation>Logged in: {name} ({roles})</translation>
    </message>
    <message>
        <source>您的账户没有可用的窗口，请联系系统管理员分配角色。</source>
        <translation>Your account has no windows; ask the system administrator for a role.</translation>
    </message>
    <message>
        <source>数据已恢复</source>
        <translation>Data restored</translation>
    </message>
    <message>
        <source>另一台电脑（或命令行）刚把数据库从备份恢复。
本窗口显示的内容和尚未保存的输入属于恢复前的数据，已不再有效。请重新登录。</source>
        <translation>Another PC (or the command line) has just restored the database from a backup.
What this window shows, and anything not yet saved, belongs to the data before the restore and is no longer valid. Please log in again.</translation>
    </message>
    <message>
        <source>刷新失败：{error}（详见日志）</source>
        <translation>Refresh failed: {error} (see the log)</translation>
    </message>
    <message>
        <source>抄送 {n}</source>
        <translation>CC {n}</translation>
    </message>
    <message>
        <source>退回 {n}</source>
        <translation>Returned {n}</translation>
    </message>
    <message>
        <source>通知 {n}</source>
        <translation>Notifications {n}</translation>
    </message>
    <message>
        <source>通知</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>后台任务</source>
        <translation>Background tasks</translation>
    </message>
    <message>
        <source>还有工作正在后台进行（保存、导入或导出）。等它完成后再关闭吗？</source>
        <translation>Work is still running in the background (saving, importing or exporting). Wait for it to finish before closing?</translation>
    </message>
    <message>
        <source>正在等待后台工作完成…</source>
        <translation>Waiting for background work to finish…</translation>
    </message>
    <message>
        <source>后台工作仍未完成，请稍后再试。</source>
        <translation>Background work is still not finished; please try again later.</translation>
    </message>
</context>
<context>
    <name>MatchTab</name>
    <message>
        <source>运行对账</source>
        <translation>Run reconciliation</translation>
    </message>
    <message>
        <source>导出对账报告…</source>
        <translation>Export reconciliation report…</translation>
    </message>
    <message>
        <source>待复核（有候选）</source>
        <translation>To review (with candidates)</translation>
    </message>
    <message>
        <source>收入（贷方）</source>
        <translation>Received (credits)</translation>
    </message>
    <message>
        <source>全部未处理</source>
        <translation>All undecided</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>发票</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>销方 / 对方</source>
        <translation>Vendor / counterparty</translation>
    </message>
    <message>
        <source>发票号</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>最佳候选</source>
        <translation>Best candidate</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>期间合计</source>
        <translation>Period total</translation>
    </message>
    <message>
        <source>三方对账状态</source>
        <translation>Three-way reconciliation status</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>待处理（不会仅凭金额和日期自动匹配；可多选）</source>
        <translation>Undecided (never matched automatically on amount and date alone; multiple selection allowed)</translation>
    </message>
    <message>
        <source>无候选</source>
        <translation>no candidate</translation>
    </message>
    <message>
        <source>匹配最佳候选</source>
        <translation>Match best candidate</translation>
    </message>
    <message>
        <source>非接待费用</source>
        <translation>Not a reception expense</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>接待</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>匹配到</source>
        <translation>Matched to</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>所选各行均标为非接待费用</source>
        <translation>Mark all selected rows as not a reception expense</translation>
    </message>
    <message>
        <source>所选各行各自匹配其最佳候选</source>
        <translation>Match each selected row to its best candidate</translation>
    </message>
    <message>
        <source>报销日期</source>
        <translation>Reimbursement date</translation>
    </message>
    <message>
        <source>商户</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>报销金额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <source>按接待编号、客户、商户、金额或发票号查找报销明细</source>
        <translation>Find expense lines by reception number, client, vendor, amount or invoice number</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>匹配所选候选</source>
        <translation>Match selected candidate</translation>
    </message>
    <message>
        <source>候选</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <source>双击打开接待申请</source>
        <translation>Double-click to open the reception application</translation>
    </message>
    <message>
        <source>手工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>非接待</source>
        <translation>Not a reception</translation>
    </message>
    <message>
        <source>取消所选匹配</source>
        <translation>Undo selected decision</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>正在对账…</source>
        <translation>Reconciling…</translation>
    </message>
    <message>
        <source>本次自动匹配 {m} 条，规则排除 {rules} 条；待复核 {r} 条，无候选 {n} 条，收入 {c} 条；问题 {f} 条。</source>
        <translation>This run: {m} matched automatically, {rules} excluded by rules; {r} to review, {n} without candidates, {c} received; {f} issues.</translation>
    </message>
    <message>
        <source>已选 {n} 行</source>
        <translation>{n} rows selected</translation>
    </message>
    <message>
        <source>候选（{n}）</source>
        <translation>Candidates ({n})</translation>
    </message>
    <message>
        <source>查找结果（{n}）</source>
        <translation>Search results ({n})</translation>
    </message>
    <message>
        <source>请先在待处理列表中选择一行或多行。</source>
        <translation>First select one or more rows in the undecided list.</translation>
    </message>
    <message>
        <source>所选行没有候选：请在下方按接待编号、商户、金额或发票号查找，或标为非接待费用。</source>
        <translation>The selected rows have no candidates: search below by reception number, vendor, amount or invoice number, or mark them as not a reception expense.</translation>
    </message>
    <message>
        <source>；{n} 行没有候选，未处理</source>
        <translation>; {n} rows without candidates were not decided</translation>
    </message>
    <message>
        <source>请选择待处理的一行和一个候选。</source>
        <translation>Select one undecided row and one candidate.</translation>
    </message>
    <message>
        <source>已处理 {n} 行</source>
        <translation>Decided {n} rows</translation>
    </message>
    <message>
        <source>；{n} 行未处理：{why}</source>
        <translation>; {n} rows not decided: {why}</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>已取消匹配，该行回到待处理（不会再自动匹配）。</source>
        <translation>Match undone; the row is back among the undecided (it will not be matched automatically again).</translation>
    </message>
    <message>
        <source>导出对账报告</source>
        <translation>Export reconciliation report</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>月度接待报告</source>
        <translation>Monthly reception report</translation>
    </message>
    <message>
        <source>Excel 工作簿 (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF (.pdf)</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>保存月度接待报告</source>
        <translation>Save monthly reception report</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NotificationsPopup</name>
    <message>
        <source>通知</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>暂无通知。</source>
        <translation>No notifications.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NotifyTab</name>
    <message>
        <source>新建通知方式</source>
        <translation>New channel</translation>
    </message>
    <message>
        <source>如：行政部钉钉群</source>
        <translation>e.g. Admin office DingTalk group</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>粘贴机器人的 Webhook 地址</source>
        <translation>Paste the robot&apos;s webhook URL</translation>
    </message>
    <message>
        <source>钉钉“加签”密钥（未开启可不填）</source>
        <translation>DingTalk signing secret (leave empty if signing is off)</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>密钥</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>不加密</source>
        <translation>None</translation>
    </message>
    <message>
        <source>发件人地址（默认同用户名）</source>
        <translation>Sender address (defaults to the user name)</translation>
    </message>
    <message>
        <source>SMTP 服务器</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>加密</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>发件人</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>发送哪些通知</source>
        <translation>Notifications to send</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>发送测试消息</source>
        <translation>Send test message</translation>
    </message>
    <message>
        <source>程序内的通知（铃铛）总会送到。这里另外设置电子邮件和钉钉/企业微信/飞书群机器人；发送在后台进行并自动重试，失败不会影响审批等操作，最近的错误显示在下方。电子邮件发到各用户在“用户与角色”中填写的地址。</source>
        <translation>In-app notifications (the bell) are always delivered. Here you can also set up e-mail and DingTalk / WeCom / Feishu group robots. Sending runs in the background and retries automatically; a failure does not hold up approvals or other work, and the latest error is shown below. E-mail goes to the address each user has under “Users &amp; roles”.</translation>
    </message>
    <message>
        <source>只有系统管理员可以设置通知。</source>
        <translation>Only the system administrator can set up notifications.</translation>
    </message>
    <message>
        <source> · 停用</source>
        <translation> · inactive</translation>
    </message>
    <message>
        <source> · 发送失败</source>
        <translation> · sending failed</translation>
    </message>
    <message>
        <source>最近发送成功：{at}</source>
        <translation>Last sent: {at}</translation>
    </message>
    <message>
        <source>最近的错误（{at}）：{error}</source>
        <translation>Latest error ({at}): {error}</translation>
    </message>
    <message>
        <source>待发送：{n} 条</source>
        <translation>Waiting to send: {n}</translation>
    </message>
    <message>
        <source>尚未发送过。</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>删除通知方式“{name}”吗？</source>
        <translation>Delete the channel “{name}”?</translation>
    </message>
    <message>
        <source>正在发送测试消息…</source>
        <translation>Sending test message…</translation>
    </message>
    <message>
        <source>测试消息已发送，请到对应的群或邮箱查看。</source>
        <translation>Test message sent. Check the group or mailbox.</translation>
    </message>
    <message>
        <source>发送失败：{error}</source>
        <translation>Sending failed: {error}</translation>
    </message>
</context>
<context>
    <name>OptionEditor</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>PreregisterView</name>
    <message>
        <source>时间未定</source>
        <translation>Time not fixed</translation>
    </message>
    <message>
        <source>访客姓名 *</source>
        <translation>Visitor name *</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>预约日期 *</source>
        <translation>Expected on *</translation>
    </message>
    <message>
        <source>接待人 *</source>
        <translation>Host *</translation>
    </message>
    <message>
        <source>来访类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>来访事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>登记预约</source>
        <translation>Pre-register</translation>
    </message>
    <message>
        <source>登记预约来访</source>
        <translation>Pre-register a visitor</translation>
    </message>
    <message>
        <source>取消所选预约</source>
        <translation>Cancel selected appointment</translation>
    </message>
    <message>
        <source>近期预约（30 天内）</source>
        <translation>Upcoming (next 30 days)</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已登记：{name}，{date} 到访。前台将在当天的“今日预约”中看到。</source>
        <translation>Registered: {name}, expected {date}. The front desk sees them under “Expected today” that day.</translation>
    </message>
    <message>
        <source>取消预约</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>取消 {name} 的预约吗？</source>
        <translation>Cancel {name}&apos;s appointment?</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>打印预览 — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>放大（Ctrl++）</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>第 {n} / {total} 页</source>
        <translation>Page {n} / {total}</translation>
    </message>
    <message>
        <source>打印 — {title}</source>
        <translation>Print — {title}</translation>
    </message>
    <message>
        <source>已发送到打印机：{n} 页。</source>
        <translation>Sent to the printer: {n} page(s).</translation>
    </message>
    <message>
        <source>打印机未能开始打印。</source>
        <translation>The printer could not start printing.</translation>
    </message>
</context>
<context>
    <name>ReceptionSettings</name>
    <message>
        <source>接待标准</source>
        <translation>Reception standards</translation>
    </message>
    <message>
        <source>部门预算</source>
        <translation>Department budgets</translation>
    </message>
    <message>
        <source>工作日历</source>
        <translation>Work calendar</translation>
    </message>
    <message>
        <source>审批流程</source>
        <translation>Approval chain</translation>
    </message>
</context>
<context>
    <name>ReconciliationView</name>
    <message>
        <source>对账</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>对账规则</source>
        <translation>Reconciliation rules</translation>
    </message>
</context>
<context>
    <name>ReimburseDialog</name>
    <message>
        <source>登记报销 — {number}</source>
        <translation>Record reimbursement — {number}</translation>
    </message>
    <message>
        <source>{number} {client}&#x3000;报销金额 {total}（{capital}）</source>
        <translation>{number} {client}  Amount claimed {total} ({capital})</translation>
    </message>
    <message>
        <source>会计凭证上的编号，例如 记-0123</source>
        <translation>The number on the accounting voucher, e.g. 记-0123</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>付款日期 *</source>
        <translation>Payment date *</translation>
    </message>
    <message>
        <source>报销方式 *</source>
        <translation>Reimbursement method *</translation>
    </message>
    <message>
        <source>凭证号 *</source>
        <translation>Voucher no. *</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ResourceEditor</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>如：某某科技有限公司、工资、利息</source>
        <translation>e.g. XX Technology Co., Ltd.; salary; interest</translation>
    </message>
    <message>
        <source>说明（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>添加规则</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>已排除</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <source>添加时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>删除所选规则</source>
        <translation>Delete selected rule</translation>
    </message>
    <message>
        <source>立即应用到所有未处理记录</source>
        <translation>Apply now to all undecided lines</translation>
    </message>
    <message>
        <source>规则覆盖的导入记录标为“非接待费用”：导入时自动应用，也可立即应用。已人工处理的记录不受影响；删除规则不会撤销它已作出的处理。</source>
        <translation>Imported lines covered by a rule are marked “Not a reception expense”: rules are applied automatically on import, or can be applied now. Lines already decided by hand are not affected; deleting a rule does not undo the decisions it has already made.</translation>
    </message>
    <message>
        <source>已添加规则；下次导入时自动应用，或点“立即应用”。</source>
        <translation>Rule added; it is applied automatically on the next import, or click “Apply now”.</translation>
    </message>
    <message>
        <source>已按规则把 {n} 条记录标为非接待费用。</source>
        <translation>The rules marked {n} lines as not a reception expense.</translation>
    </message>
    <message>
        <source>正在应用规则…</source>
        <translation>Applying rules…</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>周视图</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>日视图</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>全部级别</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>全部会议室</source>
        <translation>All rooms</translation>
    </message>
    <message>
        <source>全部车辆</source>
        <translation>All vehicles</translation>
    </message>
    <message>
        <source>打印明日全部安排表…</source>
        <translation>Print all of tomorrow&apos;s sheets…</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>（未安排）</source>
        <translation>(not arranged)</translation>
    </message>
    <message>
        <source>来宾公司</source>
        <translation>Client company</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>安排</source>
        <translation>Arrangements</translation>
    </message>
    <message>
        <source>明日未完成的准备：</source>
        <translation>Not yet done for tomorrow: </translation>
    </message>
    <message>
        <source>明日准备工作均已完成。</source>
        <translation>Tomorrow&apos;s preparations are all done.</translation>
    </message>
    <message>
        <source>明日安排</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>明天没有已批准的接待。</source>
        <translation>No approved receptions tomorrow.</translation>
    </message>
    <message>
        <source>明日客户接待安排表</source>
        <translation>Tomorrow&apos;s arrangement sheets</translation>
    </message>
    <message>
        <source>正在生成明日安排表…</source>
        <translation>Preparing tomorrow&apos;s sheets…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <source>部门与员工</source>
        <translation>Departments &amp; employees</translation>
    </message>
    <message>
        <source>访客类别</source>
        <translation>Visitor categories</translation>
    </message>
    <message>
        <source>来访事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>访客类别与事由</source>
        <translation>Categories &amp; purposes</translation>
    </message>
    <message>
        <source>接待标准与资源</source>
        <translation>Standards &amp; resources</translation>
    </message>
    <message>
        <source>通知</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>黑名单</source>
        <translation>Deny list</translation>
    </message>
    <message>
        <source>用户与角色</source>
        <translation>Users &amp; roles</translation>
    </message>
    <message>
        <source>备份与数据保留</source>
        <translation>Backup and data retention</translation>
    </message>
    <message>
        <source>数据库连接</source>
        <translation>Database connection</translation>
    </message>
</context>
<context>
    <name>StandardsEditor</name>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>餐费/人/餐</source>
        <translation>Meals/person/meal</translation>
    </message>
    <message>
        <source>住宿/间夜</source>
        <translation>Lodging/room-night</translation>
    </message>
    <message>
        <source>交通/趟</source>
        <translation>Transport/trip</translation>
    </message>
    <message>
        <source>提前工作日</source>
        <translation>Lead days</translation>
    </message>
    <message>
        <source>接待标准</source>
        <translation>Reception standards</translation>
    </message>
    <message>
        <source>餐费上限（元/人/餐）</source>
        <translation>Meal cap (yuan per person per meal)</translation>
    </message>
    <message>
        <source>住宿上限（元/间夜）</source>
        <translation>Lodging cap (yuan per room-night)</translation>
    </message>
    <message>
        <source>交通上限（元/趟）</source>
        <translation>Transport cap (yuan per trip)</translation>
    </message>
    <message>
        <source>礼品（元/人，0 为不安排）</source>
        <translation>Gifts (yuan per guest, 0 = none)</translation>
    </message>
    <message>
        <source>参观游览（元/人，0 为不安排）</source>
        <translation>Tours (yuan per guest, 0 = none)</translation>
    </message>
    <message>
        <source>陪同人员</source>
        <translation>Accompanied by</translation>
    </message>
    <message>
        <source>来宾不超过（人）</source>
        <translation>Guests up to</translation>
    </message>
    <message>
        <source>……时陪餐上限（人）</source>
        <translation>… then at most this many diners</translation>
    </message>
    <message>
        <source>否则陪餐不超过来宾的 1/</source>
        <translation>otherwise diners at most guests divided by</translation>
    </message>
    <message>
        <source>礼品由谁决定</source>
        <translation>Gifts decided by</translation>
    </message>
    <message>
        <source>参观由谁决定</source>
        <translation>Tours decided by</translation>
    </message>
    <message>
        <source>须提前报批（工作日）</source>
        <translation>Lead time (working days)</translation>
    </message>
    <message>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>保存后生成新版本；已批准的申请仍按批准时的版本执行。</source>
        <translation>Saving makes a new version; approved applications keep the version they were approved under.</translation>
    </message>
    <message>
        <source>请先在左侧选择一个级别。</source>
        <translation>Choose a level on the left first.</translation>
    </message>
</context>
<context>
    <name>SuperiorEditor</name>
    <message>
        <source>分管副总（部门负责人本人申请时由其审批）</source>
        <translation>Deputy GM in charge (approves a department manager&apos;s own applications)</translation>
    </message>
    <message>
        <source>（未设置：交给下一步审批人）</source>
        <translation>(not set: goes to the next approver)</translation>
    </message>
    <message>
        <source>保存分管副总</source>
        <translation>Save deputy GMs</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>UserEditor</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>对应员工</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>电子邮件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最后登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>用户名 *</source>
        <translation>User name *</translation>
    </message>
    <message>
        <source>用于邮件通知，可不填</source>
        <translation>For e-mail notifications; optional</translation>
    </message>
    <message>
        <source>角色 *</source>
        <translation>Roles *</translation>
    </message>
    <message>
        <source>新账户必填；修改时留空表示不变</source>
        <translation>Required for new accounts; leave empty to keep</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>VisitColumns</name>
    <message>
        <source>{h} 小时 {m} 分</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{m} 分钟</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>签到时间</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>已停留</source>
        <translation>On site for</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>胸卡</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>等候地点</source>
        <translation>Waiting at</translation>
    </message>
    <message>
        <source>预约时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>全天</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>来访事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>来访时间</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>离开时间</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>来访类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>VisitorDeskView</name>
    <message>
        <source>访客签到</source>
        <translation>Check in a visitor</translation>
    </message>
    <message>
        <source>签到所选 (Enter)</source>
        <translation>Check in selected (Enter)</translation>
    </message>
    <message>
        <source>取消预约</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>签离所选</source>
        <translation>Check out selected</translation>
    </message>
    <message>
        <source>全部签离…</source>
        <translation>Check out everyone…</translation>
    </message>
    <message>
        <source>打印胸卡</source>
        <translation>Print badge</translation>
    </message>
    <message>
        <source>撤销签离 (Ctrl+Z)</source>
        <translation>Undo check-out (Ctrl+Z)</translation>
    </message>
    <message>
        <source>疏散名单 PDF</source>
        <translation>Evacuation list PDF</translation>
    </message>
    <message>
        <source>今日预约 {n} 位（F2）</source>
        <translation>Expected today: {n} (F2)</translation>
    </message>
    <message>
        <source>在访 {n} 批 · 共 {people} 人（F3，Enter 签离）</source>
        <translation>On site: {n} parties · {people} people (F3, Enter checks out)</translation>
    </message>
    <message>
        <source>未签到：{name} 在黑名单中。</source>
        <translation>Not checked in: {name} is on the deny list.</translation>
    </message>
    <message>
        <source>仍要再次签到吗？</source>
        <translation>Check in again anyway?</translation>
    </message>
    <message>
        <source>访客已在访</source>
        <translation>Visitor already on site</translation>
    </message>
    <message>
        <source>未签到：{name} 已在访。</source>
        <translation>Not checked in: {name} is already on site.</translation>
    </message>
    <message>
        <source>正在签到…</source>
        <translation>Checking in…</translation>
    </message>
    <message>
        <source>黑名单提醒</source>
        <translation>Deny-list warning</translation>
    </message>
    <message>
        <source>确认仍允许进入吗？</source>
        <translation>Let them in anyway?</translation>
    </message>
    <message>
        <source>需要行政部、总经理或系统管理员确认：请主管输入用户名和密码。</source>
        <translation>The admin office, the general manager or the system administrator must confirm: supervisor, enter your user name and password.</translation>
    </message>
    <message>
        <source>{who} 无权确认黑名单访客。</source>
        <translation>{who} may not confirm deny-listed visitors.</translation>
    </message>
    <message>
        <source>已签到：{name}（胸卡 {badge}），已通知 {host}。</source>
        <translation>Checked in: {name} (badge {badge}); {host} has been notified.</translation>
    </message>
    <message>
        <source>已签到：{name}（胸卡 {badge}）。</source>
        <translation>Checked in: {name} (badge {badge}).</translation>
    </message>
    <message>
        <source>（按今日预约签到）</source>
        <translation> (pre-registered for today)</translation>
    </message>
    <message>
        <source>（黑名单已确认）</source>
        <translation> (deny list confirmed)</translation>
    </message>
    <message>
        <source>请先在“今日预约”中选择访客。</source>
        <translation>Select a visitor under “Expected today” first.</translation>
    </message>
    <message>
        <source>取消 {name} 的预约吗？</source>
        <translation>Cancel {name}&apos;s appointment?</translation>
    </message>
    <message>
        <source>请先在“在访”列表中选择要签离的访客。</source>
        <translation>Select the visitors to check out in the “On site” list first.</translation>
    </message>
    <message>
        <source>签离</source>
        <translation>Check out</translation>
    </message>
    <message>
        <source>签离 {names} 吗？</source>
        <translation>Check out {names}?</translation>
    </message>
    <message>
        <source>已签离 {n} 批：{names}。</source>
        <translation>Checked out {n}: {names}.</translation>
    </message>
    <message>
        <source>当前没有在访人员。</source>
        <translation>Nobody is on site.</translation>
    </message>
    <message>
        <source>全部签离</source>
        <translation>Check out everyone</translation>
    </message>
    <message>
        <source>将在访的 {n} 批访客全部签离（下班清场）吗？</source>
        <translation>Check out all {n} parties on site (end of day)?</translation>
    </message>
    <message>
        <source>已全部签离，共 {n} 批。</source>
        <translation>Checked out everyone: {n} parties.</translation>
    </message>
    <message>
        <source>5 分钟内可撤销（Ctrl+Z）。</source>
        <translation>You can undo this within 5 minutes (Ctrl+Z).</translation>
    </message>
    <message>
        <source>正在签离…</source>
        <translation>Checking out…</translation>
    </message>
    <message>
        <source>已撤销签离：{names}。</source>
        <translation>Check-out undone: {names}.</translation>
    </message>
    <message>
        <source>{names} 的胸卡已发给他人，请重新发卡。</source>
        <translation>The badge of {names} has been given to someone else; issue a new one.</translation>
    </message>
    <message>
        <source>正在撤销签离…</source>
        <translation>Undoing check-out…</translation>
    </message>
    <message>
        <source>请先在“在访”列表中选择访客。</source>
        <translation>Select a visitor in the “On site” list first.</translation>
    </message>
    <message>
        <source>访客胸卡</source>
        <translation>Visitor badge</translation>
    </message>
    <message>
        <source>正在生成胸卡…</source>
        <translation>Making the badge…</translation>
    </message>
    <message>
        <source>疏散名单</source>
        <translation>Evacuation list</translation>
    </message>
    <message>
        <source>正在生成疏散名单…</source>
        <translation>Making the evacuation list…</translation>
    </message>
    <message>
        <source>已生成：{path}</source>
        <translation>Written: {path}</translation>
    </message>
</context>
<context>
    <name>VisitorLogView</name>
    <message>
        <source>姓名 / 单位 / 电话 / 拼音首字母（如 zw）</source>
        <translation>Name / company / phone / pinyin initials (e.g. zw)</translation>
    </message>
    <message>
        <source>已签到（全部）</source>
        <translation>Checked in (all)</translation>
    </message>
    <message>
        <source>在访</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>已离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>导出来访登记表…</source>
        <translation>Export visitor log…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>来访登记表日期</source>
        <translation>Visitor log of</translation>
    </message>
    <message>
        <source>为所选来访补填接待申请…</source>
        <translation>File an application afterwards for this visit…</translation>
    </message>
    <message>
        <source>查找中…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} visits</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>正在导出来访登记表…</source>
        <translation>Exporting the visitor log…</translation>
    </message>
    <message>
        <source>导出来访登记表</source>
        <translation>Export visitor log</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>来访登记表</source>
        <translation>Visitor log</translation>
    </message>
</context>
<context>
    <name>YearHolidaysEditor</name>
    <message>
        <source>录入一年的法定节假日与调休</source>
        <translation>Enter a year&apos;s public holidays and make-up working days</translation>
    </message>
    <message>
        <source>每行一个日期或区间，如：
2027-01-01
2027-02-06~2027-02-12</source>
        <translation>One date or range per line, e.g.:
2027-01-01
2027-02-06~2027-02-12</translation>
    </message>
    <message>
        <source>调休上班的周末，如：
2027-02-14</source>
        <translation>Weekends worked as make-up days, e.g.:
2027-02-14</translation>
    </message>
    <message>
        <source>保存该年</source>
        <translation>Save year</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>法定节假日（放假）</source>
        <translation>Public holidays (days off)</translation>
    </message>
    <message>
        <source>调休上班日</source>
        <translation>Make-up working days</translation>
    </message>
    <message>
        <source>{missing}：跨入该年的工作日计算按周一至周五估算，并标记为“待确认”。</source>
        <translation>{missing}: working days reaching into that year are estimated as Monday to Friday and marked “to be confirmed”.</translation>
    </message>
    <message>
        <source>已保存 {year} 年：假日 {h} 天，调休上班 {w} 天；已按新日历重算到期日。</source>
        <translation>Saved {year}: {h} holiday days, {w} make-up working days; due dates recalculated with the new calendar.</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>您无权处理这条记录。</source>
        <translation>You may not handle this record.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>接待管理</source>
        <translation>Reception Manager</translation>
    </message>
</context>
<context>
    <name>application_print</name>
    <message>
        <source>导出客户接待申请表</source>
        <translation>Export reception application</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>客户接待申请表</source>
        <translation>Reception application form</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>导出为 Excel / PDF…</source>
        <translation>Export as Excel / PDF…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
</context>
<context>
    <name>applications</name>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>审批中</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>已退回修改</source>
        <translation>Returned for changes</translation>
    </message>
    <message>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>提前 {n} 个工作日</source>
        <translation>{n} working days ahead</translation>
    </message>
    <message>
        <source>（节假日未录入，按周一至周五估算）</source>
        <translation> (holidays not entered; estimated as Monday to Friday)</translation>
    </message>
    <message>
        <source>待 {step} 审批</source>
        <translation>Waiting for {step}</translation>
    </message>
    <message>
        <source>请选择接待级别。</source>
        <translation>Choose a reception level.</translation>
    </message>
    <message>
        <source>{cat}：金额无法识别。</source>
        <translation>{cat}: amount not understood.</translation>
    </message>
    <message>
        <source>{cat}：金额不能为负数。</source>
        <translation>{cat}: the amount cannot be negative.</translation>
    </message>
    <message>
        <source>{cat} 超出标准（标准 {cap}），请写明原因。</source>
        <translation>{cat} is over the standard ({cap}); give a reason.</translation>
    </message>
    <message>
        <source>陪餐人数 {n} 超过标准上限 {limit} 人。</source>
        <translation>{n} accompanying diners exceed the limit of {limit}.</translation>
    </message>
    <message>
        <source>来宾公司名称</source>
        <translation>Client company</translation>
    </message>
    <message>
        <source>来宾所在地</source>
        <translation>Client location</translation>
    </message>
    <message>
        <source>来宾主营业务</source>
        <translation>Client&apos;s business</translation>
    </message>
    <message>
        <source>接待地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>来访目的</source>
        <translation>Purpose of visit</translation>
    </message>
    <message>
        <source>客户背景</source>
        <translation>Client background</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>加急原因</source>
        <translation>Reason for urgency</translation>
    </message>
    <message>
        <source>我方人数</source>
        <translation>Our attendees</translation>
    </message>
    <message>
        <source>餐数</source>
        <translation>Meals</translation>
    </message>
    <message>
        <source>晚数</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>房间数</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>趟数</source>
        <translation>Trips</translation>
    </message>
    <message>
        <source>陪餐人数</source>
        <translation>Accompanying diners</translation>
    </message>
    <message>
        <source>第 {n} 位来宾</source>
        <translation>Guest {n}</translation>
    </message>
    <message>
        <source>领队只能有一位。</source>
        <translation>Only one guest can be the group leader.</translation>
    </message>
    <message>
        <source>来宾最多 {n} 位。</source>
        <translation>At most {n} guests.</translation>
    </message>
    <message>
        <source>未知的费用类别。</source>
        <translation>Unknown expense category.</translation>
    </message>
    <message>
        <source>到达时间</source>
        <translation>Arrival time</translation>
    </message>
    <message>
        <source>离开时间</source>
        <translation>Departure time</translation>
    </message>
    <message>
        <source>请填写来宾公司名称。</source>
        <translation>Enter the client company.</translation>
    </message>
    <message>
        <source>请选择接待部门。</source>
        <translation>Choose the host department.</translation>
    </message>
    <message>
        <source>请填写到达时间。</source>
        <translation>Enter the arrival time.</translation>
    </message>
    <message>
        <source>请填写离开时间。</source>
        <translation>Enter the departure time.</translation>
    </message>
    <message>
        <source>离开时间必须晚于到达时间。</source>
        <translation>Departure must be after arrival.</translation>
    </message>
    <message>
        <source>不能为负数。</source>
        <translation>Cannot be negative.</translation>
    </message>
    <message>
        <source>加急申请须写明原因。</source>
        <translation>An urgent application needs a reason.</translation>
    </message>
    <message>
        <source>请至少填写一位来宾。</source>
        <translation>List at least one guest.</translation>
    </message>
    <message>
        <source>请填写来访目的。</source>
        <translation>Enter the purpose of the visit.</translation>
    </message>
    <message>
        <source>请指定接待负责人。</source>
        <translation>Name the person responsible.</translation>
    </message>
    <message>
        <source>提前量不足：{level} 级须提前 {need} 个工作日报批，现在只有 {have} 个工作日。请改期，或勾选“加急”并写明原因。</source>
        <translation>Not enough lead time: level {level} must be filed {need} working days ahead, there are only {have}. Change the dates, or mark it urgent with a reason.</translation>
    </message>
    <message>
        <source>申请不存在。</source>
        <translation>No such application.</translation>
    </message>
    <message>
        <source>您无权查看这份申请。</source>
        <translation>You may not see this application.</translation>
    </message>
    <message>
        <source>只有申请人可以修改申请。</source>
        <translation>Only the applicant can edit the application.</translation>
    </message>
    <message>
        <source>申请{status}，不能修改。</source>
        <translation>The application is {status} and cannot be edited.</translation>
    </message>
    <message>
        <source>只有申请人可以提交申请。</source>
        <translation>Only the applicant can submit the application.</translation>
    </message>
    <message>
        <source>申请{status}，不能提交。</source>
        <translation>The application is {status} and cannot be submitted.</translation>
    </message>
    <message>
        <source>审批流程为空，请系统管理员设置审批流程。</source>
        <translation>The approval chain is empty; the system administrator must set it up.</translation>
    </message>
    <message>
        <source>只有申请人可以撤回申请。</source>
        <translation>Only the applicant can withdraw the application.</translation>
    </message>
    <message>
        <source>只有审批中的申请可以撤回。</source>
        <translation>Only a pending application can be withdrawn.</translation>
    </message>
    <message>
        <source>只有申请人可以变更申请。</source>
        <translation>Only the applicant can change the application.</translation>
    </message>
    <message>
        <source>只有已批准的申请需要变更；未批准的请直接修改。</source>
        <translation>Only an approved application needs a change request; edit others directly.</translation>
    </message>
    <message>
        <source>这份申请已有更新的版本。</source>
        <translation>This application already has a newer revision.</translation>
    </message>
    <message>
        <source>来访记录不存在。</source>
        <translation>No such visit.</translation>
    </message>
    <message>
        <source>只能为自己接待的来访补填申请。</source>
        <translation>You can only file applications afterwards for visits you hosted.</translation>
    </message>
    <message>
        <source>该访客尚未签到，不能补填。</source>
        <translation>The visitor has not checked in; nothing to file afterwards.</translation>
    </message>
    <message>
        <source>补填：来访登记 #{id}</source>
        <translation>Filed afterwards: visit #{id}</translation>
    </message>
    <message>
        <source>随行人员 {n}</source>
        <translation>Companion {n}</translation>
    </message>
</context>
<context>
    <name>approval</name>
    <message>
        <source>提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>自动通过（审批人去重）</source>
        <translation>Passed automatically (same approver)</translation>
    </message>
    <message>
        <source>转交</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>前加签</source>
        <translation>Add approver before</translation>
    </message>
    <message>
        <source>后加签</source>
        <translation>Add approver after</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>第 {n} 步：未知角色 {role}。</source>
        <translation>Step {n}: unknown role {role}.</translation>
    </message>
    <message>
        <source>第 {n} 步：未知的审批方式。</source>
        <translation>Step {n}: unknown approval mode.</translation>
    </message>
    <message>
        <source>审批流程至少要有一个启用的步骤。</source>
        <translation>The approval chain needs at least one active step.</translation>
    </message>
    <message>
        <source>申请不在审批中。</source>
        <translation>The application is not pending.</translation>
    </message>
    <message>
        <source>审批步骤无效。</source>
        <translation>Invalid approval step.</translation>
    </message>
    <message>
        <source>不能审批自己的申请。</source>
        <translation>You cannot approve your own application.</translation>
    </message>
    <message>
        <source>您已同意，等待其他会签人。</source>
        <translation>You have approved; waiting for the others who must approve.</translation>
    </message>
    <message>
        <source>当前步骤“{step}”由{names}审批。</source>
        <translation>The current step “{step}” is decided by {names}.</translation>
    </message>
    <message>
        <source>当前步骤“{step}”需要{role}审批。</source>
        <translation>The current step “{step}” needs {role}.</translation>
    </message>
    <message>
        <source>只有申请部门的负责人可以审批这一步。</source>
        <translation>Only the manager of the applicant&apos;s department can decide this step.</translation>
    </message>
    <message>
        <source>待您审批：{number} {client}</source>
        <translation>Awaiting your approval: {number} {client}</translation>
    </message>
    <message>
        <source>申请人：{name}</source>
        <translation>Applicant: {name}</translation>
    </message>
    <message>
        <source>已批准：{number} {client}</source>
        <translation>Approved: {number} {client}</translation>
    </message>
    <message>
        <source>已退回修改：{number} {client}</source>
        <translation>Returned for changes: {number} {client}</translation>
    </message>
    <message>
        <source>已驳回：{number} {client}</source>
        <translation>Rejected: {number} {client}</translation>
    </message>
    <message>
        <source>{name}：{comment}</source>
        <translation>{name}: {comment}</translation>
    </message>
    <message>
        <source>抄送：{number} {client} 已批准</source>
        <translation>CC: {number} {client} approved</translation>
    </message>
    <message>
        <source>未知的审批意见。</source>
        <translation>Unknown decision.</translation>
    </message>
    <message>
        <source>审批意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>超标准审批理由</source>
        <translation>Reason for approving over standard</translation>
    </message>
    <message>
        <source>驳回或退回时必须填写意见。</source>
        <translation>A comment is required to reject or return.</translation>
    </message>
    <message>
        <source>申请不存在。</source>
        <translation>No such application.</translation>
    </message>
    <message>
        <source>这一步含超标准审批，请写明同意超标准的理由。</source>
        <translation>This step includes an over-standard approval; give the reason for approving it.</translation>
    </message>
    <message>
        <source>同意超标准：{reason}</source>
        <translation>Over standard approved: {reason}</translation>
    </message>
    <message>
        <source>只能退回到之前的步骤。</source>
        <translation>You can only return it to an earlier step.</translation>
    </message>
    <message>
        <source>退回到第 {n} 步：{step}</source>
        <translation>Returned to step {n}: {step}</translation>
    </message>
    <message>
        <source>这份申请刚刚已被他人处理，请刷新。</source>
        <translation>Someone else has just decided this application; please refresh.</translation>
    </message>
    <message>
        <source>与上一步审批人相同，自动通过</source>
        <translation>Same approver as the previous step; passed automatically</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>请选择人员。</source>
        <translation>Choose a person.</translation>
    </message>
    <message>
        <source>所选人员不存在或已停用。</source>
        <translation>The chosen person does not exist or is inactive.</translation>
    </message>
    <message>
        <source>申请人不能审批自己的申请。</source>
        <translation>Applicants cannot approve their own applications.</translation>
    </message>
    <message>
        <source>不能选择您自己。</source>
        <translation>You cannot choose yourself.</translation>
    </message>
    <message>
        <source>待您审批（{name} 转交）：{number} {client}</source>
        <translation>Awaiting your approval (transferred by {name}): {number} {client}</translation>
    </message>
    <message>
        <source>请选择前加签或后加签。</source>
        <translation>Choose whether to add approvers before or after you.</translation>
    </message>
    <message>
        <source>未知的审批方式。</source>
        <translation>Unknown approval mode.</translation>
    </message>
    <message>
        <source>加签：{names}</source>
        <translation>Added approvers: {names}</translation>
    </message>
    <message>
        <source>待您审批（{name} 加签）：{number} {client}</source>
        <translation>Awaiting your approval (added by {name}): {number} {client}</translation>
    </message>
    <message>
        <source>只有申请人和审批人可以抄送。</source>
        <translation>Only the applicant and the approvers can send a CC.</translation>
    </message>
    <message>
        <source>抄送（{name}）：{number} {client}</source>
        <translation>CC (from {name}): {number} {client}</translation>
    </message>
    <message>
        <source>含超标准审批，请单独审批并写明理由。</source>
        <translation>Includes an over-standard approval; approve it on its own and give the reason.</translation>
    </message>
    <message>
        <source>只有申请人可以催办。</source>
        <translation>Only the applicant can send a reminder.</translation>
    </message>
    <message>
        <source>只有审批中的申请可以催办。</source>
        <translation>Reminders can only be sent for pending applications.</translation>
    </message>
    <message>
        <source>已于 {at} 催办过，{hours} 小时内只能催办一次。</source>
        <translation>A reminder was already sent at {at}; only one reminder is allowed every {hours} hours.</translation>
    </message>
    <message>
        <source>催办：{number} {client} 等待您审批</source>
        <translation>Reminder: {number} {client} awaits your approval</translation>
    </message>
    <message>
        <source>{name} 提醒您审批“{step}”。</source>
        <translation>{name} reminds you to approve “{step}”.</translation>
    </message>
    <message>
        <source>申请人（退回修改）</source>
        <translation>Applicant (return for changes)</translation>
    </message>
    <message>
        <source>第 {n} 步：{step}</source>
        <translation>Step {n}: {step}</translation>
    </message>
</context>
<context>
    <name>approval_steps</name>
    <message>
        <source>部门负责人</source>
        <translation>Department manager</translation>
    </message>
    <message>
        <source>行政部</source>
        <translation>Admin office</translation>
    </message>
    <message>
        <source>财务部（预算审核）</source>
        <translation>Finance (budget check)</translation>
    </message>
    <message>
        <source>总经理</source>
        <translation>General manager</translation>
    </message>
    <message>
        <source>董事长</source>
        <translation>Chairman</translation>
    </message>
    <message>
        <source>总经理（超标准审批）</source>
        <translation>General manager (over standard)</translation>
    </message>
    <message>
        <source>{step}（含超标准审批）</source>
        <translation>{step} (incl. over standard)</translation>
    </message>
    <message>
        <source>{step}（由{by}代批）</source>
        <translation>{step} (approved by {by} instead)</translation>
    </message>
</context>
<context>
    <name>arrangements</name>
    <message>
        <source>接机/接站</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>参观</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meals</translation>
    </message>
    <message>
        <source>住宿</source>
        <translation>Lodging</translation>
    </message>
    <message>
        <source>送行</source>
        <translation>Send-off</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>投影仪 {p}</source>
        <translation>Projector {p}</translation>
    </message>
    <message>
        <source>讲解：{g}</source>
        <translation>Guide: {g}</translation>
    </message>
    <message>
        <source>时间待定</source>
        <translation>time to be confirmed</translation>
    </message>
    <message>
        <source>来宾 {g} 人，陪餐 {d} 人</source>
        <translation>{g} guests, {d} accompanying diners</translation>
    </message>
    <message>
        <source>{r} 间 × {n} 晚</source>
        <translation>{r} rooms × {n} nights</translation>
    </message>
    <message>
        <source>我方：{names}</source>
        <translation>Ours: {names}</translation>
    </message>
    <message>
        <source>这次接待还没有批准的申请。</source>
        <translation>This reception has no approved application yet.</translation>
    </message>
    <message>
        <source>申请不存在。</source>
        <translation>No such application.</translation>
    </message>
    <message>
        <source>{client}（{number}）{start:%m-%d %H:%M}–{end:%H:%M}</source>
        <translation>{client} ({number}) {start:%m-%d %H:%M}–{end:%H:%M}</translation>
    </message>
    <message>
        <source>会议室“{room}”已被 {other} 预订。</source>
        <translation>Meeting room “{room}” is booked by {other}.</translation>
    </message>
    <message>
        <source>车辆 {plate} 已被 {other} 使用。</source>
        <translation>Vehicle {plate} is in use for {other}.</translation>
    </message>
    <message>
        <source>{name} 已安排在 {other}。</source>
        <translation>{name} is already booked for {other}.</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>航班/车次</source>
        <translation>Flight/train</translation>
    </message>
    <message>
        <source>机场/车站</source>
        <translation>Airport/station</translation>
    </message>
    <message>
        <source>路线</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>讲解/陪同</source>
        <translation>Guide/escort</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>来宾人数</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>陪餐人数</source>
        <translation>Accompanying diners</translation>
    </message>
    <message>
        <source>房间数</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>晚数</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>结束时间</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>住宿安排的{field}至少为 1。</source>
        <translation>For lodging, {field} must be at least 1.</translation>
    </message>
    <message>
        <source>{field} {when} 不在范围内：接送须在接待日期前后一天之内（{first} 至 {last}）。</source>
        <translation>{field} {when} is out of range: pickups and send-offs must be within one day of the reception dates ({first} to {last}).</translation>
    </message>
    <message>
        <source>{field} {when} 不在范围内：须在接待日期之内（{first} 至 {last}）。</source>
        <translation>{field} {when} is out of range: it must fall within the reception dates ({first} to {last}).</translation>
    </message>
    <message>
        <source>未知的安排类型。</source>
        <translation>Unknown item type.</translation>
    </message>
    <message>
        <source>请填写开始和结束时间。</source>
        <translation>Enter the start and end times.</translation>
    </message>
    <message>
        <source>结束时间必须晚于开始时间。</source>
        <translation>The end must be after the start.</translation>
    </message>
    <message>
        <source>陪餐 {n} 人超过 {level} 级标准上限 {limit} 人（来宾 {g} 人）。</source>
        <translation>{n} accompanying diners exceed the level {level} limit of {limit} ({g} guests).</translation>
    </message>
    <message>
        <source>{hotel} 协议价 {price}/间夜 超过 {level} 级住宿标准 {cap}。</source>
        <translation>{hotel}&apos;s agreed rate {price} per room-night exceeds the level {level} lodging standard {cap}.</translation>
    </message>
    <message>
        <source>会议室“{room}”只能坐 {cap} 人，本次 {n} 人。</source>
        <translation>Meeting room “{room}” seats {cap}; this meeting has {n}.</translation>
    </message>
    <message>
        <source>会议室“{room}”没有投影仪。</source>
        <translation>Meeting room “{room}” has no projector.</translation>
    </message>
    <message>
        <source>车辆 {plate} 只有 {s} 座。</source>
        <translation>Vehicle {plate} has only {s} seats.</translation>
    </message>
    <message>
        <source>安排不存在。</source>
        <translation>No such itinerary item.</translation>
    </message>
    <message>
        <source>行程 #{id}</source>
        <translation>Itinerary item #{id}</translation>
    </message>
    <message>
        <source>准备事项不存在。</source>
        <translation>No such checklist item.</translation>
    </message>
    <message>
        <source>准备事项：{name}</source>
        <translation>Preparation: {name}</translation>
    </message>
    <message>
        <source>准备事项</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>至少一位接收人。</source>
        <translation>At least one recipient.</translation>
    </message>
    <message>
        <source>接收人</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>接待安排表 #{id}</source>
        <translation>Reception arrangement sheet #{id}</translation>
    </message>
    <message>
        <source>参观时间待确认：{client}</source>
        <translation>Tour time to be confirmed: {client}</translation>
    </message>
    <message>
        <source>{start:%H:%M} 的参观（{route}）时间尚未确认，请通知相关部门。</source>
        <translation>The {start:%H:%M} tour ({route}) is not confirmed yet; please tell the departments.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>变更（原值 → 新值）</source>
        <translation>Changes (old → new)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>审计链完整：共 {n} 条记录，未发现篡改。</source>
        <translation>The audit chain is intact: {n} records, no tampering found.</translation>
    </message>
    <message>
        <source>审计链在第 {id} 条记录处断开：{reason}</source>
        <translation>The audit chain is broken at record {id}: {reason}</translation>
    </message>
    <message>
        <source>上一条记录的哈希不符（之前的记录被删除或改动）。</source>
        <translation>The hash of the previous record does not match (an earlier record was deleted or changed).</translation>
    </message>
    <message>
        <source>时间无法识别。</source>
        <translation>The time cannot be read.</translation>
    </message>
    <message>
        <source>记录内容与其哈希不符（记录被改动）。</source>
        <translation>The record&apos;s content does not match its hash (the record was changed).</translation>
    </message>
    <message>
        <source>接待申请</source>
        <translation>Reception application</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>接待安排</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <source>费用报销</source>
        <translation>Expense claim</translation>
    </message>
    <message>
        <source>费用明细</source>
        <translation>Expense line</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>对账</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>接待标准</source>
        <translation>Reception standards</translation>
    </message>
    <message>
        <source>部门预算</source>
        <translation>Department budgets</translation>
    </message>
    <message>
        <source>工作日历</source>
        <translation>Work calendar</translation>
    </message>
    <message>
        <source>用户与角色</source>
        <translation>Users &amp; roles</translation>
    </message>
    <message>
        <source>组织</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>黑名单</source>
        <translation>Deny list</translation>
    </message>
    <message>
        <source>赞助单</source>
        <translation>Fine slip</translation>
    </message>
    <message>
        <source>信息反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>访客</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>资源</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>来访记录</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>通知</source>
        <translation>Notification</translation>
    </message>
    <message>
        <source>通知渠道</source>
        <translation>Notification channel</translation>
    </message>
    <message>
        <source>导入方案</source>
        <translation>Import profile</translation>
    </message>
    <message>
        <source>对账规则</source>
        <translation>Reconciliation rule</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>转交</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>加签</source>
        <translation>Add approver</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>撤销导入</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>匹配</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>取消匹配</source>
        <translation>Undo match</translation>
    </message>
    <message>
        <source>对账决定</source>
        <translation>Reconciliation decision</translation>
    </message>
    <message>
        <source>状态变更</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>查看完整证件号</source>
        <translation>View full ID number</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>登记报销</source>
        <translation>Record reimbursement</translation>
    </message>
    <message>
        <source>个人信息清除</source>
        <translation>Erase personal data</translation>
    </message>
    <message>
        <source>财务审核</source>
        <translation>Finance audit</translation>
    </message>
    <message>
        <source>部门负责人签字</source>
        <translation>Department manager sign-off</translation>
    </message>
    <message>
        <source>自动通过</source>
        <translation>Auto-approve</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>应用规则</source>
        <translation>Apply rules</translation>
    </message>
    <message>
        <source>超期个人信息清除</source>
        <translation>Erase personal data past retention</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>此文件不是本程序（接待管理）的备份，未作任何更改。</source>
        <translation>This file is not a backup of this program (Reception Manager); nothing was changed.</translation>
    </message>
    <message>
        <source>此备份来自更新版本的程序（数据库结构 {version}），请先升级本程序再恢复。</source>
        <translation>This backup comes from a newer version of the program (database schema {version}); upgrade this program before restoring it.</translation>
    </message>
    <message>
        <source>数据库未打开。</source>
        <translation>The database is not open.</translation>
    </message>
    <message>
        <source>不能把备份写在正在使用的数据库文件上，请换一个文件名。</source>
        <translation>A backup cannot be written over the database file in use; choose another file name.</translation>
    </message>
    <message>
        <source>文件夹不存在：{folder}</source>
        <translation>Folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>正在复制数据库…</source>
        <translation>Copying the database…</translation>
    </message>
    <message>
        <source>正在压缩备份…</source>
        <translation>Compressing the backup…</translation>
    </message>
    <message>
        <source>此备份来自 {kind} 数据库，不能恢复到当前的 {current} 数据库。</source>
        <translation>This backup comes from a {kind} database and cannot be restored to the current {current} database.</translation>
    </message>
    <message>
        <source>正在恢复数据库…</source>
        <translation>Restoring the database…</translation>
    </message>
    <message>
        <source>正在备份当前数据…</source>
        <translation>Backing up the current data…</translation>
    </message>
    <message>
        <source>备份文件已损坏，无法读取：{error}</source>
        <translation>The backup file is damaged and cannot be read: {error}</translation>
    </message>
    <message>
        <source>备份文件已损坏（数据库检查未通过），未作任何更改。</source>
        <translation>The backup file is damaged (the database check failed); nothing was changed.</translation>
    </message>
    <message>
        <source>从备份 {file}（{created}，结构 {schema}）恢复；恢复前的数据已备份到 {safety}</source>
        <translation>Restored from backup {file} ({created}, schema {schema}); the data from before the restore was backed up to {safety}</translation>
    </message>
    <message>
        <source>正在用 pg_dump 备份数据库…</source>
        <translation>Backing up the database with pg_dump…</translation>
    </message>
    <message>
        <source>正在导出 {table}…</source>
        <translation>Exporting {table}…</translation>
    </message>
    <message>
        <source>备份文件不完整（缺少数据库存档），未作任何更改。</source>
        <translation>The backup file is incomplete (the database archive is missing); nothing was changed.</translation>
    </message>
    <message>
        <source>此备份由 pg_dump 生成，恢复需要本机安装 PostgreSQL 客户端（pg_restore 和 psql）。</source>
        <translation>This backup was made by pg_dump; restoring it needs the PostgreSQL client tools (pg_restore and psql) installed on this PC.</translation>
    </message>
    <message>
        <source>备份文件不完整（缺少表 {tables}），未作任何更改。</source>
        <translation>The backup file is incomplete (tables missing: {tables}); nothing was changed.</translation>
    </message>
    <message>
        <source>不认识的备份方式：{method}。</source>
        <translation>Unknown backup method: {method}.</translation>
    </message>
    <message>
        <source>恢复失败，数据库保持原样：{error}</source>
        <translation>Restore failed; the database is unchanged: {error}</translation>
    </message>
    <message>
        <source>正在恢复 {table}…</source>
        <translation>Restoring {table}…</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>前台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>演示模式：已自动以演示管理员 {user} 登录（其他演示账户密码 {pw}）。数据库是临时的：{path}</source>
        <translation>Demo mode: logged in automatically as the demo administrator {user} (other demo accounts use the password {pw}). The database is temporary: {path}</translation>
    </message>
    <message>
        <source>演示模式：演示账户密码 {pw}。数据库是临时的，程序退出时删除：{path}</source>
        <translation>Demo mode: demo accounts use the password {pw}. The database is temporary and is deleted when the program exits: {path}</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <source>请填写服务器地址。</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>请填写数据库名称。</source>
        <translation>Enter the database name.</translation>
    </message>
    <message>
        <source>请填写用户名。</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>端口应在 1 到 65535 之间。</source>
        <translation>The port must be between 1 and 65535.</translation>
    </message>
    <message>
        <source>本机数据库文件尚不存在：首次启动时创建，并设置管理员账户。</source>
        <translation>The local database file does not exist yet: it is created on first start, when you set up the administrator account.</translation>
    </message>
    <message>
        <source>无法读取数据库：{error}</source>
        <translation>Cannot read the database: {error}</translation>
    </message>
    <message>
        <source>数据库的编码是 {encoding}，不能保存中文：请管理员用 UTF8 编码重新创建数据库（createdb --encoding UTF8 --template template0 …）。</source>
        <translation>The database&apos;s encoding is {encoding}, which cannot store Chinese: ask the administrator to create the database again with UTF8 encoding (createdb --encoding UTF8 --template template0 …).</translation>
    </message>
    <message>
        <source>这个数据库里已有其他程序的表，不是本程序的数据库：请使用一个新的空数据库。</source>
        <translation>This database already holds another program&apos;s tables and is not this program&apos;s database: use a new, empty database.</translation>
    </message>
    <message>
        <source>连接成功：数据库是空的，连接后将创建数据表并设置管理员账户。</source>
        <translation>Connected: the database is empty; on connecting, the tables will be created and you will set up the administrator account.</translation>
    </message>
    <message>
        <source>数据库由更新版本的本程序创建（数据库版本 {version}），请先升级本程序。</source>
        <translation>The database was created by a newer version of this program (database version {version}); upgrade this program first.</translation>
    </message>
    <message>
        <source>连接成功：数据库版本 {version}，连接时将升级到 {latest}。</source>
        <translation>Connected: database version {version}; it will be upgraded to {latest} on connecting.</translation>
    </message>
    <message>
        <source>连接成功：数据库版本 {version}（最新）。</source>
        <translation>Connected: database version {version} (latest).</translation>
    </message>
    <message>
        <source>服务器上没有名为“{name}”的数据库：请先在服务器上创建它（见 README“Several PCs”）。</source>
        <translation>The server has no database named “{name}”: create it on the server first (see “Several PCs” in the README).</translation>
    </message>
    <message>
        <source>用户名或密码错误。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>服务器不允许这台电脑连接：请在服务器的 pg_hba.conf 中允许本机地址。</source>
        <translation>The server does not allow this PC to connect: allow this PC&apos;s address in the server&apos;s pg_hba.conf.</translation>
    </message>
    <message>
        <source>服务器拒绝了用户“{user}”：请检查用户名和它的权限。</source>
        <translation>The server refused user “{user}”: check the user name and its privileges.</translation>
    </message>
    <message>
        <source>无法连接服务器 {where}：请检查地址和端口，以及服务器是否开启并允许本机连接。</source>
        <translation>Cannot connect to server {where}: check the address and port, and that the server is running and accepts connections from this PC.</translation>
    </message>
    <message>
        <source>连接失败：{error}</source>
        <translation>Connection failed: {error}</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>有尚未保存的修改。保存吗？</source>
        <extracomment>Room left around a window for the window manager&apos;s title bar and borders. The smallest screen we promise to fit (available geometry, after the taskbar).</extracomment>
        <translation>There are unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>einvoice</name>
    <message>
        <source>数电票</source>
        <translation>Fully digital e-invoice</translation>
    </message>
    <message>
        <source>电子发票</source>
        <translation>E-invoice</translation>
    </message>
    <message>
        <source>（红字）</source>
        <translation> (red-letter)</translation>
    </message>
    <message>
        <source>一次最多导入 {n} 个电子发票文件，请分批导入。</source>
        <translation>At most {n} e-invoice files can be imported at a time; import them in batches.</translation>
    </message>
    <message>
        <source>{name} 太大，不像一张数电票的 XML。</source>
        <translation>{name} is too large to be the XML of a fully digital e-invoice.</translation>
    </message>
    <message>
        <source>{name} 不是电子发票文件（支持 .pdf、.ofd、.xml）。</source>
        <translation>{name} is not an e-invoice file (.pdf, .ofd and .xml are supported).</translation>
    </message>
    <message>
        <source>{name} 不是可读取的 PDF 文件。</source>
        <translation>{name} is not a readable PDF file.</translation>
    </message>
    <message>
        <source>{name} 中找不到发票二维码或发票号码，不像电子发票。</source>
        <translation>No invoice QR code or invoice number found in {name}; it does not look like an e-invoice.</translation>
    </message>
    <message>
        <source>票面</source>
        <translation>printed text</translation>
    </message>
    <message>
        <source>未找到发票二维码，仅按票面文字读取</source>
        <translation>No invoice QR code found; read from the printed text only</translation>
    </message>
    <message>
        <source>{name} 含有 DTD 或实体声明，为安全起见已拒绝读取。</source>
        <translation>{name} contains a DTD or entity declarations and was refused for security reasons.</translation>
    </message>
    <message>
        <source>{name} 不是格式正确的 XML 文件。</source>
        <translation>{name} is not a well-formed XML file.</translation>
    </message>
    <message>
        <source>{name} 不是数电票 XML（根元素应为 EInvoice）。</source>
        <translation>{name} is not a fully digital e-invoice XML (the root element should be EInvoice).</translation>
    </message>
    <message>
        <source>{name} 中没有发票号码（TaxSupervisionInfo/InvoiceNumber）。</source>
        <translation>{name} has no invoice number (TaxSupervisionInfo/InvoiceNumber).</translation>
    </message>
    <message>
        <source>{name} 的金额无法读取。</source>
        <translation>The amounts in {name} cannot be read.</translation>
    </message>
    <message>
        <source>各行价税合计之和 {items} 与发票价税合计 {total} 不一致</source>
        <translation>The sum of the line totals incl. tax {items} does not match the invoice&apos;s total incl. tax {total}</translation>
    </message>
    <message>
        <source>{name} 不是可读取的 OFD 文件。</source>
        <translation>{name} is not a readable OFD file.</translation>
    </message>
    <message>
        <source>{name} 解压后过大，不像一张电子发票。</source>
        <translation>{name} is too large when unpacked to be an e-invoice.</translation>
    </message>
    <message>
        <source>{name} 中没有发票号码，不像电子发票 OFD。</source>
        <translation>{name} has no invoice number; it does not look like an OFD e-invoice.</translation>
    </message>
    <message>
        <source>OFD 标签与发票 XML 不一致：{what} {a} / {b}</source>
        <translation>OFD tags and invoice XML disagree: {what} {a} / {b}</translation>
    </message>
    <message>
        <source>OFD.xml 含有 DTD 或实体声明，为安全起见已拒绝读取。</source>
        <translation>OFD.xml contains a DTD or entity declarations and was refused for security reasons.</translation>
    </message>
    <message>
        <source>发票代码</source>
        <translation>Invoice code</translation>
    </message>
    <message>
        <source>发票号码</source>
        <translation>Invoice number</translation>
    </message>
    <message>
        <source>开票日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>税额</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>价税合计</source>
        <translation>Total incl. tax</translation>
    </message>
    <message>
        <source>二维码与{where}不一致：{what} {qr} / {text}</source>
        <translation>QR code and {where} disagree: {what} {qr} / {text}</translation>
    </message>
    <message>
        <source>未读到税额和价税合计，按金额计</source>
        <translation>Tax and total incl. tax not found; the amount is used</translation>
    </message>
    <message>
        <source>未读到金额和税额，按价税合计计</source>
        <translation>Amount and tax not found; the total incl. tax is used</translation>
    </message>
    <message>
        <source>金额 {a} + 税额 {t} ≠ 价税合计 {s}</source>
        <translation>Amount {a} + tax {t} ≠ total incl. tax {s}</translation>
    </message>
    <message>
        <source>未读到发票金额</source>
        <translation>Invoice amount not found</translation>
    </message>
    <message>
        <source>未读到开票日期</source>
        <translation>Issue date not found</translation>
    </message>
    <message>
        <source>红字发票未注明所冲销的原发票号码</source>
        <translation>The red-letter invoice does not state the number of the original invoice it cancels</translation>
    </message>
</context>
<context>
    <name>expenses</name>
    <message>
        <source>银行转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>公务卡</source>
        <translation>Corporate card</translation>
    </message>
    <message>
        <source>冲借款</source>
        <translation>Offset against advance</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>待财务审核</source>
        <translation>Waiting for finance</translation>
    </message>
    <message>
        <source>待总经理审批</source>
        <translation>Waiting for the GM</translation>
    </message>
    <message>
        <source>待报销</source>
        <translation>To reimburse</translation>
    </message>
    <message>
        <source>已报销</source>
        <translation>Reimbursed</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>待部门负责人签字</source>
        <translation>Waiting for the department manager</translation>
    </message>
    <message>
        <source>人均 {pp} 超过 {level} 级餐费标准 {cap}</source>
        <translation>{pp} per person exceeds the level {level} meal standard {cap}</translation>
    </message>
    <message>
        <source>陪餐 {n} 人超过上限 {limit} 人</source>
        <translation>{n} accompanying diners exceed the limit of {limit}</translation>
    </message>
    <message>
        <source>酒水 {d} 超过餐费的 40%</source>
        <translation>Drinks {d} exceed 40% of the meal bill</translation>
    </message>
    <message>
        <source>每间夜 {p} 超过 {level} 级住宿标准 {cap}</source>
        <translation>{p} per room-night exceeds the level {level} lodging standard {cap}</translation>
    </message>
    <message>
        <source>每趟 {p} 超过交通标准 {cap}</source>
        <translation>{p} per trip exceeds the transport standard {cap}</translation>
    </message>
    <message>
        <source>{level} 级接待不含交通费用（标准为 0）</source>
        <translation>Level {level} receptions include no transport expenses (the standard is 0)</translation>
    </message>
    <message>
        <source>日期 {d} 不在接待期间（{a}–{b}）</source>
        <translation>Date {d} is outside the reception ({a}–{b})</translation>
    </message>
    <message>
        <source>接待不存在。</source>
        <translation>No such reception.</translation>
    </message>
    <message>
        <source>您无权查看这份费用汇总。</source>
        <translation>You may not see this expense summary.</translation>
    </message>
    <message>
        <source>只有接待的申请人、接待负责人、部门负责人或行政部可以填写这份费用汇总。</source>
        <translation>Only the applicant, the person responsible for the reception, the department manager or the admin office can fill in this expense summary.</translation>
    </message>
    <message>
        <source>费用汇总{status}，不能修改。</source>
        <translation>The expense summary is {status} and cannot be edited.</translation>
    </message>
    <message>
        <source>请选择费用类别。</source>
        <translation>Choose a category.</translation>
    </message>
    <message>
        <source>请填写费用日期。</source>
        <translation>Enter the expense date.</translation>
    </message>
    <message>
        <source>费用日期</source>
        <translation>Expense date</translation>
    </message>
    <message>
        <source>商户</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>发票代码</source>
        <translation>Invoice code</translation>
    </message>
    <message>
        <source>发票号码</source>
        <translation>Invoice number</translation>
    </message>
    <message>
        <source>支付方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>价税合计</source>
        <translation>Total incl. tax</translation>
    </message>
    <message>
        <source>部门负责人（{names}）尚未签字：财务须在部门负责人签字后审核。</source>
        <translation>The department manager ({names}) has not signed yet: finance audits only after the department manager has signed.</translation>
    </message>
    <message>
        <source>财务审核</source>
        <translation>Finance audit</translation>
    </message>
    <message>
        <source>总经理审批</source>
        <translation>GM approval</translation>
    </message>
    <message>
        <source>财务付款</source>
        <translation>Finance payment</translation>
    </message>
    <message>
        <source>部门负责人签字</source>
        <translation>Department manager sign-off</translation>
    </message>
    <message>
        <source>费用汇总待{step}：{number} {client}</source>
        <translation>Expense summary waiting for {step}: {number} {client}</translation>
    </message>
    <message>
        <source>合计 ¥{total}；{who} 已处理。</source>
        <translation>Total ¥{total}; handled by {who}.</translation>
    </message>
    <message>
        <source>只有接待部门的负责人可以签字。</source>
        <translation>Only the manager of the host department can sign.</translation>
    </message>
    <message>
        <source>费用汇总当前为“{status}”，部门负责人只能在提交后、财务审核前签字。</source>
        <translation>The expense summary is “{status}”; the department manager can sign only after it is submitted and before the finance audit.</translation>
    </message>
    <message>
        <source>不能为自己提交的费用汇总签字。</source>
        <translation>You cannot sign an expense summary you submitted yourself.</translation>
    </message>
    <message>
        <source>部门负责人已经签字。</source>
        <translation>The department manager has already signed.</translation>
    </message>
    <message>
        <source>请选择报销方式。</source>
        <translation>Choose the reimbursement method.</translation>
    </message>
    <message>
        <source>凭证号只能由字母、数字、汉字和 - _ / # . 组成，且须含数字（例如 记-0123）。</source>
        <translation>The voucher number may contain only letters, digits, Chinese characters and - _ / # . and must contain a digit (e.g. 记-0123).</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>请填写付款日期。</source>
        <translation>Enter the payment date.</translation>
    </message>
    <message>
        <source>付款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>付款日期不能晚于 {d}（今天起 {n} 天内）。</source>
        <translation>The payment date cannot be later than {d} (within {n} days from today).</translation>
    </message>
    <message>
        <source>付款日期不能早于总经理审批的日期 {d}。</source>
        <translation>The payment date cannot be earlier than the GM approval date {d}.</translation>
    </message>
    <message>
        <source>凭证号 {ref} 在 {period} 已用于 {number}（{client}，{on} 付款）。</source>
        <translation>Voucher number {ref} was already used in {period} for {number} ({client}, paid on {on}).</translation>
    </message>
    <message>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <source>请填写价税合计。</source>
        <translation>Enter the total including tax.</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>税额</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>酒水</source>
        <translation>Drinks</translation>
    </message>
    <message>
        <source>来宾人数</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>陪餐人数</source>
        <translation>Accompanying diners</translation>
    </message>
    <message>
        <source>房间数</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>晚数</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>趟数</source>
        <translation>Trips</translation>
    </message>
    <message>
        <source>{cat}报销金额时，{field}至少为 1。</source>
        <translation>{field} must be at least 1 for a {cat} claim.</translation>
    </message>
    <message>
        <source>税额不能大于价税合计。</source>
        <translation>The tax cannot exceed the total including tax.</translation>
    </message>
    <message>
        <source>酒水不能大于价税合计。</source>
        <translation>Drinks cannot exceed the total including tax.</translation>
    </message>
    <message>
        <source>费用明细不存在。</source>
        <translation>No such expense line.</translation>
    </message>
    <message>
        <source>凭证请使用图片或 PDF 文件。</source>
        <translation>Vouchers must be images or PDF files.</translation>
    </message>
    <message>
        <source>凭证文件名</source>
        <translation>Voucher file name</translation>
    </message>
    <message>
        <source>请先填写费用明细。</source>
        <translation>Enter the expense lines first.</translation>
    </message>
    <message>
        <source>{date} {cat} {total}：超标或超出接待期间，须写明原因。</source>
        <translation>{date} {cat} {total}: over the standard or outside the reception; give a reason.</translation>
    </message>
    <message>
        <source>{cat} 实际 {a} 超出预算 {b}，须写明原因。</source>
        <translation>{cat}: actual {a} exceeds the budget {b}; give a reason.</translation>
    </message>
    <message>
        <source>费用汇总当前为“{status}”，不能执行此操作。</source>
        <translation>The expense summary is “{status}”; this cannot be done now.</translation>
    </message>
    <message>
        <source>不能审核或审批自己报销的费用。</source>
        <translation>You cannot audit or approve your own expenses.</translation>
    </message>
    <message>
        <source>这份费用汇总刚刚已被他人处理，请刷新。</source>
        <translation>Someone else has just handled this expense summary; please refresh.</translation>
    </message>
    <message>
        <source>退回时必须填写意见。</source>
        <translation>A comment is required to return it.</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <source>接待不存在。</source>
        <translation>No such reception.</translation>
    </message>
    <message>
        <source>您无权查看这份信息反馈。</source>
        <translation>You may not see this feedback.</translation>
    </message>
    <message>
        <source>只有接待的申请人、接待负责人、部门负责人或行政部可以填写信息反馈。</source>
        <translation>Only the applicant, the person responsible, the department manager or the admin office can fill in the feedback.</translation>
    </message>
    <message>
        <source>洽谈内容</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>客户要求</source>
        <translation>Client requirements</translation>
    </message>
    <message>
        <source>请填写洽谈内容。</source>
        <translation>Enter what was discussed.</translation>
    </message>
    <message>
        <source>满意度请选 1–5。</source>
        <translation>Choose a satisfaction from 1 to 5.</translation>
    </message>
    <message>
        <source>请指定跟进负责人。</source>
        <translation>Name the follow-up owner.</translation>
    </message>
    <message>
        <source>跟进负责人不存在。</source>
        <translation>The follow-up owner does not exist.</translation>
    </message>
    <message>
        <source>第 {n} 项跟进措施</source>
        <translation>Follow-up action {n}</translation>
    </message>
    <message>
        <source>第 {n} 项跟进措施缺少完成日期。</source>
        <translation>Follow-up action {n} needs a due date.</translation>
    </message>
    <message>
        <source>{what}的负责人不存在。</source>
        <translation>{what}: the owner does not exist.</translation>
    </message>
    <message>
        <source>只有部门负责人可以签认信息反馈。</source>
        <translation>Only the department manager can sign off the feedback.</translation>
    </message>
    <message>
        <source>只有接待部门的负责人可以签认信息反馈。</source>
        <translation>Only the manager of the host department can sign off the feedback.</translation>
    </message>
    <message>
        <source>信息反馈尚未提交，不能签认。</source>
        <translation>The feedback has not been submitted yet and cannot be signed off.</translation>
    </message>
    <message>
        <source>这份信息反馈已经签认。</source>
        <translation>This feedback has already been signed off.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>有 {n} 处需要修改：</source>
        <translation>Please correct the following ({n}):</translation>
    </message>
</context>
<context>
    <name>filedialogs</name>
    <message>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>{suffix} 文件</source>
        <translation>{suffix} file</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>不能选择此文件</source>
        <translation>Cannot choose this file</translation>
    </message>
    <message>
        <source>这是本程序正在使用的数据库文件，请选择其他文件。</source>
        <translation>This is the database file the program is using; please choose another file.</translation>
    </message>
</context>
<context>
    <name>fines</name>
    <message>
        <source>无法识别的赞助条款“{part}”，应写作“4.1 条款名称=10”。</source>
        <translation>Cannot read the fine clause “{part}”; write it as “4.1 Clause name=10”.</translation>
    </message>
    <message>
        <source>赞助条款 {code} 重复。</source>
        <translation>Fine clause {code} appears twice.</translation>
    </message>
    <message>
        <source>至少要有一条赞助条款。</source>
        <translation>At least one fine clause is needed.</translation>
    </message>
    <message>
        <source>连带责任 {p}%</source>
        <translation>Joint liability {p}%</translation>
    </message>
    <message>
        <source>情节严重 ×{m}</source>
        <translation>Serious ×{m}</translation>
    </message>
    <message>
        <source>违规</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>请选择被赞助人。</source>
        <translation>Choose the person fined.</translation>
    </message>
    <message>
        <source>不能为自己记录赞助。</source>
        <translation>You cannot record a fine against yourself.</translation>
    </message>
    <message>
        <source>请选择违反的条款。</source>
        <translation>Choose the clause violated.</translation>
    </message>
    <message>
        <source>倍数只能是 1（一般）或 2–5（情节严重）。</source>
        <translation>The multiplier must be 1 (normal) or 2–5 (serious).</translation>
    </message>
    <message>
        <source>违规日期</source>
        <translation>Violation date</translation>
    </message>
    <message>
        <source>违规日期不能晚于今天。</source>
        <translation>The violation date cannot be in the future.</translation>
    </message>
    <message>
        <source>违规情况</source>
        <translation>Violation details</translation>
    </message>
    <message>
        <source>情节严重的赞助须写明违规情况。</source>
        <translation>A fine for a serious violation must describe what happened.</translation>
    </message>
    <message>
        <source>接待不存在。</source>
        <translation>No such reception.</translation>
    </message>
    <message>
        <source>直接领导不存在或与被赞助人相同。</source>
        <translation>The direct superior does not exist or is the person fined.</translation>
    </message>
    <message>
        <source>赞助记录不存在。</source>
        <translation>No such fine record.</translation>
    </message>
    <message>
        <source>作废须写明原因。</source>
        <translation>Give a reason for voiding.</translation>
    </message>
    <message>
        <source>不能作废与自己有关的赞助。</source>
        <translation>You cannot void a fine that involves you.</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>无法识别文件编码，请指定编码（如 GBK 或 UTF-8）。</source>
        <translation>The file&apos;s encoding is not recognised; please choose one (e.g. GBK or UTF-8).</translation>
    </message>
    <message>
        <source>文件不存在：{path}</source>
        <translation>No such file: {path}</translation>
    </message>
    <message>
        <source>{name} 不是可读取的电子表格文件。</source>
        <translation>{name} is not a readable spreadsheet.</translation>
    </message>
    <message>
        <source>{name} 中没有工作表。</source>
        <translation>{name} has no worksheet.</translation>
    </message>
    <message>
        <source>没有名为“{sheet}”的工作表（有：{names}）。</source>
        <translation>No worksheet named “{sheet}” (there are: {names}).</translation>
    </message>
    <message>
        <source>{name} 不是文本格式的 CSV 文件。</source>
        <translation>{name} is not a text CSV file.</translation>
    </message>
    <message>
        <source>无法用 {enc} 编码读取 {name}。</source>
        <translation>{name} cannot be read as {enc}.</translation>
    </message>
    <message>
        <source>{name} 不是电子表格（支持 .xlsx、.xls、.ods、.csv）。</source>
        <translation>{name} is not a spreadsheet (.xlsx, .xls, .ods and .csv are supported).</translation>
    </message>
    <message>
        <source>{name} 第 {line} 行无法按 CSV 读取：字段超过 {n} 个字符或引号不配对，请检查换行和引号。</source>
        <translation>Line {line} of {name} cannot be read as CSV: a field is longer than {n} characters or a quote is unmatched. Check the line breaks and quotes.</translation>
    </message>
    <message>
        <source>找不到表头：前 {n} 行中没有可识别的列名（如 发票号码、开票日期、金额、交易日期、摘要）。</source>
        <translation>No header found: none of the first {n} rows names known columns (such as 发票号码, 开票日期, 金额, 交易日期, 摘要).</translation>
    </message>
    <message>
        <source>{name} 是空的。</source>
        <translation>{name} is empty.</translation>
    </message>
    <message>
        <source>第 {n} 行不存在。</source>
        <translation>Row {n} does not exist.</translation>
    </message>
    <message>
        <source>第 {n} 行的表头缺少日期或金额列，请在映射中指定。</source>
        <translation>The header in row {n} has no date or amount column; set them in the mapping.</translation>
    </message>
    <message>
        <source>空行</source>
        <translation>blank row</translation>
    </message>
    <message>
        <source>合计行</source>
        <translation>total row</translation>
    </message>
    <message>
        <source>说明文字，不是数据行：“{text}”</source>
        <translation>Explanatory text, not a data row: “{text}”</translation>
    </message>
    <message>
        <source>第 {row} 行，列“{col}”：无法把“{value}”读作{what}</source>
        <translation>row {row}, column {col}: cannot read &apos;{value}&apos; as {what}</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>第 {row} 行，列“{col}”：号码“{value}”以数字保存，Excel 只保留 15 位，末尾数字已丢失；请把该列设为文本后重新导出</source>
        <translation>Row {row}, column “{col}”: the number “{value}” is stored as a number, and Excel keeps only 15 digits, so the last digits were lost; format that column as text and export again</translation>
    </message>
    <message>
        <source>第 {row} 行：缺少发票号码</source>
        <translation>row {row}: no invoice number</translation>
    </message>
    <message>
        <source>第 {row} 行：缺少日期</source>
        <translation>row {row}: no date</translation>
    </message>
    <message>
        <source>第 {row} 行：缺少金额</source>
        <translation>row {row}: no amount</translation>
    </message>
    <message>
        <source>没有名为“{name}”的映射方案。</source>
        <translation>No mapping profile named “{name}”.</translation>
    </message>
    <message>
        <source>第 {row} 行：发票 {no} 已于 {date} 导入（批次 {batch}）</source>
        <translation>row {row}: invoice {no} already imported on {date}, batch {batch}</translation>
    </message>
    <message>
        <source>第 {row} 行：发票 {no} 与本文件第 {first} 行重复</source>
        <translation>row {row}: invoice {no} repeats row {first} of this file</translation>
    </message>
    <message>
        <source>第 {row} 行：相同的流水已于 {date} 导入（批次 {batch}）</source>
        <translation>row {row}: the same statement line was imported on {date}, batch {batch}</translation>
    </message>
    <message>
        <source>没有可导入的新记录。</source>
        <translation>There are no new lines to import.</translation>
    </message>
    <message>
        <source>导入被中断，未导入任何记录，请重新导入。</source>
        <translation>The import was interrupted and nothing was imported; please import again.</translation>
    </message>
    <message>
        <source>导入批次不存在。</source>
        <translation>No such import batch.</translation>
    </message>
    <message>
        <source>该批次已撤销。</source>
        <translation>This batch has been undone already.</translation>
    </message>
    <message>
        <source>请填写方案名称。</source>
        <translation>Enter a profile name.</translation>
    </message>
    <message>
        <source>{name} 超过 {n} 行，请按月份拆分后再导入。</source>
        <translation>{name} has more than {n} rows; split it by month and import again.</translation>
    </message>
    <message>
        <source>{name} 的表格超过 {n} 列或 {cells} 个单元格，请删除多余的行列后再导入。</source>
        <translation>The table in {name} has more than {n} columns or {cells} cells; delete the extra rows and columns and import again.</translation>
    </message>
    <message>
        <source>{name} 是一个文件夹，请选择其中的文件。</source>
        <translation>{name} is a folder; choose a file in it.</translation>
    </message>
    <message>
        <source>{name} 有 {size} MB，超过导入上限 {limit} MB。</source>
        <translation>{name} is {size} MB, over the import limit of {limit} MB.</translation>
    </message>
    <message>
        <source>{name} 解压后超过 {limit} MB，不像对账单或发票清单，已拒绝导入。</source>
        <translation>{name} unpacks to more than {limit} MB, which does not look like a statement or invoice list; import refused.</translation>
    </message>
</context>
<context>
    <name>invoices</name>
    <message>
        <source>未读到购买方（抬头），请核对</source>
        <translation>No buyer (invoice title) found; please check</translation>
    </message>
    <message>
        <source>抬头“{name}”与公司名称“{company}”不符</source>
        <translation>Invoice title “{name}” does not match the company name “{company}”</translation>
    </message>
    <message>
        <source>购买方纳税人识别号 {id} 与公司的 {ours} 不符</source>
        <translation>Buyer taxpayer ID {id} does not match the company&apos;s {ours}</translation>
    </message>
    <message>
        <source>发票上没有购买方纳税人识别号</source>
        <translation>The invoice has no buyer taxpayer ID</translation>
    </message>
    <message>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>发票 {no} 已报销：在 {number} 的费用中，由 {who} 于 {date} 提交</source>
        <translation>Invoice {no} has already been reimbursed: in the expenses of {number}, submitted by {who} on {date}</translation>
    </message>
    <message>
        <source>发票 {no} 已在 {number} 的费用中，由 {who} 于 {date} 提交</source>
        <translation>Invoice {no} is already in the expenses of {number}, submitted by {who} on {date}</translation>
    </message>
    <message>
        <source>发票 {no} 已在 {number} 的费用中，由 {who} 于 {date} 填报（尚未提交）</source>
        <translation>Invoice {no} is already in the expenses of {number}, entered by {who} on {date} (not yet submitted)</translation>
    </message>
    <message>
        <source>发票 {no} 已于 {date} 由 {who} 导入（批次 {batch}，{file}）</source>
        <translation>Invoice {no} was imported on {date} by {who} (batch {batch}, {file})</translation>
    </message>
    <message>
        <source>发票 {no} 已被红字发票 {red} 冲销</source>
        <translation>Invoice {no} has been cancelled by red-letter invoice {red}</translation>
    </message>
    <message>
        <source>{file} 中没有发票号码。</source>
        <translation>{file} has no invoice number.</translation>
    </message>
    <message>
        <source>{file} 是红字发票（冲销 {original}），不能作为报销凭证。</source>
        <translation>{file} is a red-letter invoice (cancelling {original}) and cannot be used as a reimbursement voucher.</translation>
    </message>
    <message>
        <source>，不能重复报销。</source>
        <translation>; it cannot be reimbursed twice.</translation>
    </message>
    <message>
        <source>，不能报销。</source>
        <translation>; it cannot be reimbursed.</translation>
    </message>
    <message>
        <source>这条明细已附有电子发票 {no}；一条明细只对应一张发票，请新建明细。</source>
        <translation>This line already has e-invoice {no} attached; one line corresponds to one invoice, so create a new line.</translation>
    </message>
    <message>
        <source>明细上的发票号码 {typed} 与文件中的 {read} 不一致。</source>
        <translation>The invoice number {typed} on the line does not match {read} in the file.</translation>
    </message>
    <message>
        <source>明细金额 {claimed} 与发票价税合计 {total} 不一致</source>
        <translation>Line amount {claimed} does not match the invoice&apos;s total incl. tax {total}</translation>
    </message>
    <message>
        <source>发票文件：{flag}</source>
        <translation>Invoice file: {flag}</translation>
    </message>
    <message>
        <source>{n} 个电子发票文件</source>
        <translation>{n} e-invoice files</translation>
    </message>
    <message>
        <source>{names} 中没有电子发票文件（.pdf、.ofd、.xml）。</source>
        <translation>No e-invoice files (.pdf, .ofd, .xml) in {names}.</translation>
    </message>
    <message>
        <source>{file} 中没有发票号码</source>
        <translation>{file} has no invoice number</translation>
    </message>
    <message>
        <source>与第 {row} 个文件（{file}）是同一张发票</source>
        <translation>Same invoice as file {row} ({file})</translation>
    </message>
    <message>
        <source>红字发票，冲销发票 {no}</source>
        <translation>Red-letter invoice, cancels invoice {no}</translation>
    </message>
    <message>
        <source>报销情况：{what}</source>
        <translation>Reimbursement: {what}</translation>
    </message>
    <message>
        <source>没有可导入的新发票。</source>
        <translation>No new invoices to import.</translation>
    </message>
    <message>
        <source>这些发票刚已导入，没有可导入的新发票。</source>
        <translation>These invoices have just been imported; no new invoices to import.</translation>
    </message>
</context>
<context>
    <name>money</name>
    <message>
        <source>金额 {amount} 超出大写金额的范围（不超过 9999 万亿元），请核对金额。</source>
        <translation>The amount {amount} is too large to write in words (limit 9999 trillion yuan); please check it.</translation>
    </message>
</context>
<context>
    <name>nav</name>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>来访登记</source>
        <translation>Visitor desk</translation>
    </message>
    <message>
        <source>访客预约</source>
        <translation>Pre-registration</translation>
    </message>
    <message>
        <source>接待申请</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>接待日程</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>信息反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>费用报销</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <source>财务对账</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>赞助单</source>
        <translation>Fine slips</translation>
    </message>
    <message>
        <source>来访记录</source>
        <translation>Visitor log</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>电子邮件（SMTP）</source>
        <translation>Email (SMTP)</translation>
    </message>
    <message>
        <source>钉钉群机器人</source>
        <translation>DingTalk group bot</translation>
    </message>
    <message>
        <source>企业微信群机器人</source>
        <translation>WeCom group bot</translation>
    </message>
    <message>
        <source>飞书群机器人</source>
        <translation>Feishu group bot</translation>
    </message>
    <message>
        <source>访客到达 → 被访人</source>
        <translation>Visitor arrived → host</translation>
    </message>
    <message>
        <source>待审批 → 审批人</source>
        <translation>Waiting for approval → approver</translation>
    </message>
    <message>
        <source>通过/退回/驳回 → 申请人</source>
        <translation>Approved/returned/rejected → applicant</translation>
    </message>
    <message>
        <source>抄送 → 被抄送人</source>
        <translation>CC → CC recipient</translation>
    </message>
    <message>
        <source>反馈表/费用汇总逾期 → 负责人</source>
        <translation>Feedback/expense summary overdue → person responsible</translation>
    </message>
    <message>
        <source>催办 → 当前审批人</source>
        <translation>Remind → current approver</translation>
    </message>
    <message>
        <source>费用汇总待签字/审核/审批/付款 → 部门负责人、财务、总经理</source>
        <translation>Expense summary waiting for sign-off/audit/approval/payment → department manager, finance, GM</translation>
    </message>
    <message>
        <source>未知的通知方式。</source>
        <translation>Unknown notification channel.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>请填写名称。</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>未知的事件：{e}</source>
        <translation>Unknown events: {e}</translation>
    </message>
    <message>
        <source>请填写 SMTP 服务器。</source>
        <translation>Enter the SMTP server.</translation>
    </message>
    <message>
        <source>请填写机器人的 Webhook 地址。</source>
        <translation>Enter the bot&apos;s webhook URL.</translation>
    </message>
    <message>
        <source>通知方式不存在。</source>
        <translation>No such notification channel.</translation>
    </message>
    <message>
        <source>（已修改）</source>
        <translation>(changed)</translation>
    </message>
    <message>
        <source>通知地址无法识别，请检查设置。</source>
        <translation>The notification address is not recognised; check the settings.</translation>
    </message>
    <message>
        <source>发送失败。</source>
        <translation>Sending failed.</translation>
    </message>
    <message>
        <source>请先填写您自己的电子邮件地址。</source>
        <translation>Enter your own email address first.</translation>
    </message>
    <message>
        <source>测试消息</source>
        <translation>Test message</translation>
    </message>
    <message>
        <source>这是接待管理系统发出的测试消息。</source>
        <translation>This is a test message from Reception Manager.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>导出为 Excel / PDF…</source>
        <translation>Export as Excel / PDF…</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF file (*.pdf)</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>数据库忙</source>
        <translation>Database busy</translation>
    </message>
    <message>
        <source>连接已断开</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>发生了意外错误：{error}</source>
        <translation>An unexpected error occurred: {error}</translation>
    </message>
    <message>
        <source>详细信息已记入日志文件。</source>
        <translation>The details have been written to the log file.</translation>
    </message>
    <message>
        <source>记录已被他人修改</source>
        <translation>Record changed by someone else</translation>
    </message>
    <message>
        <source>现在重新载入最新内容吗？选“否”保留您输入的内容，可先复制再重新载入。</source>
        <translation>Reload the latest version now? Choose “No” to keep what you typed; you can copy it before reloading.</translation>
    </message>
</context>
<context>
    <name>reconcile</name>
    <message>
        <source>未对账</source>
        <translation>Not reconciled</translation>
    </message>
    <message>
        <source>仅发票</source>
        <translation>Invoice only</translation>
    </message>
    <message>
        <source>仅付款</source>
        <translation>Payment only</translation>
    </message>
    <message>
        <source>已对账</source>
        <translation>Reconciled</translation>
    </message>
    <message>
        <source>有差异</source>
        <translation>Discrepancy</translation>
    </message>
    <message>
        <source>超标准</source>
        <translation>Over standard</translation>
    </message>
    <message>
        <source>超预算未另行审批</source>
        <translation>Over budget without extra approval</translation>
    </message>
    <message>
        <source>发票重复报销</source>
        <translation>Invoice claimed twice</translation>
    </message>
    <message>
        <source>导入记录无对应接待</source>
        <translation>Imported line without a reception</translation>
    </message>
    <message>
        <source>报销无导入记录且无凭证</source>
        <translation>Claim without import or voucher</translation>
    </message>
    <message>
        <source>日期不在接待期间</source>
        <translation>Outside the reception&apos;s dates</translation>
    </message>
    <message>
        <source>费用汇总逾期提交</source>
        <translation>Summary submitted late</translation>
    </message>
    <message>
        <source>报销与导入金额不符</source>
        <translation>Claim and import differ</translation>
    </message>
    <message>
        <source>已付款未见发票</source>
        <translation>Paid, no invoice seen</translation>
    </message>
    <message>
        <source>有发票未见付款</source>
        <translation>Invoice, no payment seen</translation>
    </message>
    <message>
        <source>仅有凭证未对账</source>
        <translation>Voucher only, not reconciled</translation>
    </message>
    <message>
        <source>发票抬头不符</source>
        <translation>Invoice title does not match</translation>
    </message>
    <message>
        <source>陪餐超标</source>
        <translation>Too many accompanying diners</translation>
    </message>
    <message>
        <source>酒水超比例</source>
        <translation>Drinks over share</translation>
    </message>
    <message>
        <source>报销 {a}，{what} {b}</source>
        <translation>Claimed {a}, {what} {b}</translation>
    </message>
    <message>
        <source>发票</source>
        <translation>invoice</translation>
    </message>
    <message>
        <source>付款</source>
        <translation>payment</translation>
    </message>
    <message>
        <source>导入记录不存在或其批次已撤销。</source>
        <translation>The imported line does not exist or its batch has been undone.</translation>
    </message>
    <message>
        <source>这条费用明细已匹配{what}（{date} {vendor} ¥{total}）；一条费用明细只匹配一张发票和一笔付款，请先取消那条匹配。</source>
        <translation>This expense line already has a matched {what} ({date} {vendor} ¥{total}); an expense line matches only one invoice and one payment, so undo that match first.</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>手工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>红字发票</source>
        <translation>Red-letter invoice</translation>
    </message>
    <message>
        <source>支出</source>
        <translation>Paid out</translation>
    </message>
    <message>
        <source>收入</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>（非接待费用）</source>
        <translation>(not a reception expense)</translation>
    </message>
    <message>
        <source>发票号一致</source>
        <translation>same invoice number</translation>
    </message>
    <message>
        <source>金额一致</source>
        <translation>same amount</translation>
    </message>
    <message>
        <source>金额相近</source>
        <translation>amount within tolerance</translation>
    </message>
    <message>
        <source>日期一致</source>
        <translation>same date</translation>
    </message>
    <message>
        <source>日期在接待期间</source>
        <translation>date within the reception</translation>
    </message>
    <message>
        <source>商户相似 {n}%</source>
        <translation>vendor {n}% similar</translation>
    </message>
    <message>
        <source>费用明细不存在。</source>
        <translation>No such expense line.</translation>
    </message>
    <message>
        <source>{date} {vendor} {total} 无导入记录也无凭证</source>
        <translation>{date} {vendor} {total}: no imported record and no voucher</translation>
    </message>
    <message>
        <source>发票 {no} 被报销 {n} 次（{where}）</source>
        <translation>Invoice {no} claimed {n} times ({where})</translation>
    </message>
    <message>
        <source>应于 {due} 前提交，实际 {at:%Y-%m-%d}</source>
        <translation>Due {due}, submitted {at:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>{cat} 实际 {a} 超出批准预算 {b}</source>
        <translation>{cat}: actual {a} exceeds the approved budget {b}</translation>
    </message>
    <message>
        <source>{date} {vendor} {total} 已付款，未见发票（发票清单或电子发票）</source>
        <translation>{date} {vendor} {total} was paid, but no invoice was seen (invoice list or e-invoice)</translation>
    </message>
    <message>
        <source>{date} {vendor} {total} 有发票，未见付款（银行或公务卡流水）</source>
        <translation>{date} {vendor} {total} has an invoice, but no payment was seen (bank or corporate card statement)</translation>
    </message>
    <message>
        <source>{date} {vendor} {total} 仅有凭证，未见导入的发票或付款</source>
        <translation>{date} {vendor} {total} has only a voucher; no imported invoice or payment was seen</translation>
    </message>
    <message>
        <source>{date} {vendor} {total} 未匹配到已批准的接待</source>
        <translation>{date} {vendor} {total}: no approved reception matches</translation>
    </message>
    <message>
        <source>所有贷方（收入）</source>
        <translation>All credits (received)</translation>
    </message>
    <message>
        <source>对方户名包含</source>
        <translation>Counterparty name contains</translation>
    </message>
    <message>
        <source>摘要包含</source>
        <translation>Memo contains</translation>
    </message>
    <message>
        <source> 不是接待费用</source>
        <translation> are not reception expenses</translation>
    </message>
    <message>
        <source>{what}“{text}” 不是接待费用</source>
        <translation>{what} “{text}”: not a reception expense</translation>
    </message>
    <message>
        <source>请选择规则类型。</source>
        <translation>Choose a rule type.</translation>
    </message>
    <message>
        <source>请填写至少两个字，避免误把接待费用排除。</source>
        <translation>Enter at least two characters, so that reception expenses are not excluded by mistake.</translation>
    </message>
    <message>
        <source>已有相同的规则。</source>
        <translation>The same rule already exists.</translation>
    </message>
    <message>
        <source>规则不存在。</source>
        <translation>No such rule.</translation>
    </message>
    <message>
        <source>规则 #{id}：{n} 条</source>
        <translation>Rule #{id}: {n} lines</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>反馈表逾期：{number} {client}</source>
        <extracomment>Receptions that ended longer ago than this are not scanned: the first run after an upgrade must not bring a year of old reminders at once.</extracomment>
        <translation>Feedback overdue: {number} {client}</translation>
    </message>
    <message>
        <source>客户接待信息反馈表应于 {due} 前提交，请尽快填写。</source>
        <translation>The reception feedback form was due by {due}; please fill it in soon.</translation>
    </message>
    <message>
        <source>费用汇总逾期：{number} {client}</source>
        <translation>Expense summary overdue: {number} {client}</translation>
    </message>
    <message>
        <source>接待费用汇总应于 {due} 前提交，请尽快提交。</source>
        <translation>The reception expense summary was due by {due}; please submit it soon.</translation>
    </message>
</context>
<context>
    <name>resources</name>
    <message>
        <source>协议酒店</source>
        <translation>Agreement hotels</translation>
    </message>
    <message>
        <source>酒店名称</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <source>星级</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>协议房价（元/间夜）</source>
        <translation>Agreed rate (yuan per room-night)</translation>
    </message>
    <message>
        <source>餐厅</source>
        <translation>Restaurants</translation>
    </message>
    <message>
        <source>餐厅名称</source>
        <translation>Restaurant</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>人均（元）</source>
        <translation>Per person (yuan)</translation>
    </message>
    <message>
        <source>会议室</source>
        <translation>Meeting rooms</translation>
    </message>
    <message>
        <source>容纳人数</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>投影仪</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>车辆</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>车型</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>座位数</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>司机</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>司机电话</source>
        <translation>Driver&apos;s phone</translation>
    </message>
    <message>
        <source>未知列表。</source>
        <translation>Unknown list.</translation>
    </message>
    <message>
        <source>必填。</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>已存在同名项。</source>
        <translation>An item of that name exists.</translation>
    </message>
    <message>
        <source>记录不存在。</source>
        <translation>No such record.</translation>
    </message>
</context>
<context>
    <name>retention</name>
    <message>
        <source>保存期限不能少于 {n} 天。</source>
        <translation>The retention period cannot be shorter than {n} days.</translation>
    </message>
    <message>
        <source>超过保存期限：删除电话、身份证号，姓名改为姓氏+某（{n} 条来访）</source>
        <translation>Retention period exceeded: phone and ID number deleted, name reduced to surname + 某 ({n} visits)</translation>
    </message>
    <message>
        <source>超过保存期限：删除电话、身份证号，姓名改为姓氏+某（{n} 位访客）</source>
        <translation>Retention period exceeded: phone and ID number deleted, name reduced to surname + 某 ({n} visitors)</translation>
    </message>
    <message>
        <source>超过保存期限：删除含访客姓名的通知和已发送消息（{n} 条）</source>
        <translation>Retention period exceeded: notifications and sent messages containing visitor names deleted ({n})</translation>
    </message>
    <message>
        <source>系统（自动清理）</source>
        <translation>System (automatic cleanup)</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>前台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>接待人（员工）</source>
        <translation>Host (employee)</translation>
    </message>
    <message>
        <source>部门负责人</source>
        <translation>Department manager</translation>
    </message>
    <message>
        <source>行政部</source>
        <translation>Admin office</translation>
    </message>
    <message>
        <source>财务</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>总经理</source>
        <translation>General manager</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>董事长</source>
        <translation>Chairman</translation>
    </message>
</context>
<context>
    <name>routing</name>
    <message>
        <source>或签</source>
        <translation>Any one approves</translation>
    </message>
    <message>
        <source>会签</source>
        <translation>All must approve</translation>
    </message>
    <message>
        <source>{step}（由{by}代批）</source>
        <translation>{step} (approved by {by} instead)</translation>
    </message>
    <message>
        <source>所选人员不存在或已停用。</source>
        <translation>The selected person does not exist or is inactive.</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>您的角色无权执行此操作（需要：{roles}）。</source>
        <translation>Your role may not do this (needs: {roles}).</translation>
    </message>
    <message>
        <source>密码不能为空，也不能只有空格。</source>
        <translation>The password cannot be empty or only spaces.</translation>
    </message>
    <message>
        <source>密码至少 {n} 位。</source>
        <translation>The password must have at least {n} characters.</translation>
    </message>
    <message>
        <source>这个密码太常见，容易被猜中，请换一个。</source>
        <translation>This password is too common and easy to guess; please choose another.</translation>
    </message>
    <message>
        <source>请填写用户名。</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>已经有管理员账户，请登录。</source>
        <translation>An administrator account exists already; please log in.</translation>
    </message>
    <message>
        <source>{n} 秒</source>
        <translation>{n} seconds</translation>
    </message>
    <message>
        <source>{n} 分钟</source>
        <translation>{n} minutes</translation>
    </message>
    <message>
        <source>密码错误次数过多，请 {wait}后再试。</source>
        <translation>Too many wrong passwords; try again in {wait}.</translation>
    </message>
    <message>
        <source>用户名或密码不正确。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>用户名不存在</source>
        <translation>User name does not exist</translation>
    </message>
    <message>
        <source>账户暂时锁定</source>
        <translation>Account temporarily locked</translation>
    </message>
    <message>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <source>账户已停用</source>
        <translation>Account deactivated</translation>
    </message>
    <message>
        <source>该账户已停用，请联系系统管理员。</source>
        <translation>This account is deactivated; contact the system administrator.</translation>
    </message>
    <message>
        <source>没有用户 {name}。</source>
        <translation>No user {name}.</translation>
    </message>
    <message>
        <source>账户不存在。</source>
        <translation>No such account.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>用户名已被占用。</source>
        <translation>That user name is taken.</translation>
    </message>
    <message>
        <source>未知角色：{roles}</source>
        <translation>Unknown roles: {roles}</translation>
    </message>
    <message>
        <source>至少选择一个角色。</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <source>员工不存在。</source>
        <translation>No such employee.</translation>
    </message>
    <message>
        <source>（已设置）</source>
        <translation>(set)</translation>
    </message>
    <message>
        <source>电子邮件地址格式不正确。</source>
        <translation>The e-mail address is not valid.</translation>
    </message>
    <message>
        <source>至少要保留一个启用的系统管理员账户。</source>
        <translation>At least one active system administrator account must remain.</translation>
    </message>
    <message>
        <source>原密码不正确。</source>
        <translation>The old password is wrong.</translation>
    </message>
    <message>
        <source>（已修改）</source>
        <translation>(changed)</translation>
    </message>
    <message>
        <source>修改密码需要先输入原密码。</source>
        <translation>To change the password, enter the current password first.</translation>
    </message>
    <message>
        <source>请填写新密码。</source>
        <translation>Enter a new password.</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <source>本人修改</source>
        <translation>Changed by the user themself</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>姓名、单位、电话至少填一项。</source>
        <translation>Fill in at least one of name, company, phone.</translation>
    </message>
    <message>
        <source>请填写原因。</source>
        <translation>Enter the reason.</translation>
    </message>
    <message>
        <source>记录不存在。</source>
        <translation>No such record.</translation>
    </message>
    <message>
        <source>数据库正被另一台电脑或程序占用，请稍后再试。您输入的内容已保留。</source>
        <translation>The database is in use by another computer or program. Please try again in a moment; what you typed has been kept.</translation>
    </message>
    <message>
        <source>与数据库服务器的连接已断开，操作未完成。您输入的内容已保留，连接恢复后请再试一次。</source>
        <translation>The connection to the database server was lost and the operation was not completed. What you entered has been kept; try again once the connection is back.</translation>
    </message>
    <message>
        <source>部门名称</source>
        <translation>Department name</translation>
    </message>
    <message>
        <source>请填写部门名称。</source>
        <translation>Enter the department name.</translation>
    </message>
    <message>
        <source>已有同名部门。</source>
        <translation>A department of that name exists.</translation>
    </message>
    <message>
        <source>部门不存在。</source>
        <translation>No such department.</translation>
    </message>
    <message>
        <source>该部门已有员工或来访记录，不能删除；可以将其停用。</source>
        <translation>The department has employees or visits and cannot be deleted; deactivate it instead.</translation>
    </message>
    <message>
        <source>员工姓名</source>
        <translation>Employee name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>请填写员工姓名。</source>
        <translation>Enter the employee&apos;s name.</translation>
    </message>
    <message>
        <source>请选择部门。</source>
        <translation>Choose a department.</translation>
    </message>
    <message>
        <source>电话号码格式不正确。</source>
        <translation>The phone number is not valid.</translation>
    </message>
    <message>
        <source>该员工已有来访记录或登录账户，不能删除；可以将其停用。</source>
        <translation>The employee has visits or an account and cannot be deleted; deactivate them instead.</translation>
    </message>
    <message>
        <source>需要 12 个月的金额。</source>
        <translation>Twelve monthly amounts are needed.</translation>
    </message>
    <message>
        <source>年份须在 2000 至 2099 之间。</source>
        <translation>The year must be between 2000 and 2099.</translation>
    </message>
    <message>
        <source>{m} 月金额</source>
        <translation>Amount for month {m}</translation>
    </message>
    <message>
        <source>{year} 年法定节假日尚未录入</source>
        <translation>National holidays for {year} have not been entered</translation>
    </message>
    <message>
        <source>请填写日期。</source>
        <translation>Enter the date.</translation>
    </message>
    <message>
        <source>无法识别的日期：{dates}</source>
        <translation>Dates not understood: {dates}</translation>
    </message>
    <message>
        <source>日期不在 {year} 年：{day}</source>
        <translation>Date not in {year}: {day}</translation>
    </message>
    <message>
        <source>{day} 不能既是假日又是调休上班日。</source>
        <translation>{day} cannot be both a holiday and a make-up workday.</translation>
    </message>
    <message>
        <source>法定节假日</source>
        <translation>National holiday</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <source>数据库里已经有数据，演示数据只能写入空数据库。</source>
        <translation>The database already contains data; demo data can only be written to an empty database.</translation>
    </message>
    <message>
        <source>这条记录已被删除，请关闭后重新打开。</source>
        <translation>This record has been deleted; please close it and open it again.</translation>
    </message>
    <message>
        <source>这条记录已被 {name} 于 {when} 修改，请重新打开后再改。</source>
        <translation>{name} changed this record at {when}; reopen it before editing.</translation>
    </message>
    <message>
        <source>这条记录已被 {name} 修改，请重新打开后再改。</source>
        <translation>{name} changed this record; reopen it before editing.</translation>
    </message>
    <message>
        <source>这条记录已于 {when} 被他人修改，请重新打开后再改。</source>
        <translation>Someone else changed this record at {when}; reopen it before editing.</translation>
    </message>
    <message>
        <source>这条记录已被他人修改，请重新打开后再改。</source>
        <translation>Someone else changed this record; reopen it before editing.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>公司名称（印在表单上）</source>
        <translation>Company name (printed on forms)</translation>
    </message>
    <message>
        <source>纳税人识别号（核对发票抬头）</source>
        <translation>Taxpayer ID (to check invoice titles)</translation>
    </message>
    <message>
        <source>来访登记表表单编号</source>
        <translation>Visitor log form number</translation>
    </message>
    <message>
        <source>默认等候地点</source>
        <translation>Default waiting place</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>UI language</translation>
    </message>
    <message>
        <source>总经理出席时须提前的工作日数</source>
        <translation>Working days of lead time when the GM attends</translation>
    </message>
    <message>
        <source>费用汇总须在接待结束后几个工作日内提交</source>
        <translation>Working days after the reception to submit expenses</translation>
    </message>
    <message>
        <source>客户接待申请表表单编号</source>
        <translation>Reception application form number</translation>
    </message>
    <message>
        <source>客户接待安排表表单编号</source>
        <translation>Arrangement sheet form number</translation>
    </message>
    <message>
        <source>商务考察行程安排表表单编号</source>
        <translation>Business visit itinerary form number</translation>
    </message>
    <message>
        <source>客户接待信息反馈表表单编号</source>
        <translation>Feedback form number</translation>
    </message>
    <message>
        <source>接待费用报销汇总表表单编号</source>
        <translation>Expense summary form number</translation>
    </message>
    <message>
        <source>赞助单表单编号</source>
        <translation>Fine slip form number</translation>
    </message>
    <message>
        <source>申请表印制份数（各联名称，逗号分隔）</source>
        <translation>Application form copies (name of each copy, comma-separated)</translation>
    </message>
    <message>
        <source>费用报销签字顺序（逗号分隔）</source>
        <translation>Expense sign-off order (comma-separated)</translation>
    </message>
    <message>
        <source>赞助条款及每次金额（条款 名称=元，以；分隔）</source>
        <translation>Fine clauses and amount per case (clause name=yuan, separated by semicolons)</translation>
    </message>
    <message>
        <source>直接领导连带责任比例（%）</source>
        <translation>Direct superior&apos;s share of the fine (%)</translation>
    </message>
    <message>
        <source>审批人去重：同一人连续审批时后续步骤自动通过</source>
        <translation>Skip repeat approvers: when one person approves consecutive steps, the later steps pass automatically</translation>
    </message>
    <message>
        <source>退回后重新提交时从退回的步骤继续（不勾选：从头开始）</source>
        <translation>After a return, resubmission resumes at the returned step (unticked: starts over)</translation>
    </message>
    <message>
        <source>催办间隔（小时）</source>
        <translation>Reminder interval (hours)</translation>
    </message>
    <message>
        <source>自动备份保留份数</source>
        <translation>Automatic backups to keep</translation>
    </message>
    <message>
        <source>访客个人信息保存期限（天）</source>
        <translation>Visitor personal data retention (days)</translation>
    </message>
    <message>
        <source>批准后自动抄送的角色（逗号分隔，如 行政部）</source>
        <translation>Roles copied automatically on approval (comma-separated, e.g. Admin office)</translation>
    </message>
    <message>
        <source>未知设置项。</source>
        <translation>Unknown setting.</translation>
    </message>
    <message>
        <source>{field}须为整数。</source>
        <translation>{field} must be a whole number.</translation>
    </message>
    <message>
        <source>公司名称不能为空。</source>
        <translation>The company name cannot be empty.</translation>
    </message>
    <message>
        <source>纳税人识别号应为 15 至 20 位数字或大写字母（统一社会信用代码为 18 位）。</source>
        <translation>The taxpayer ID must be 15 to 20 digits or capital letters (a unified social credit code has 18).</translation>
    </message>
    <message>
        <source>不支持的语言。</source>
        <translation>Unsupported language.</translation>
    </message>
    <message>
        <source>{field}至少填写一项。</source>
        <translation>{field}: enter at least one item.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>未知列表。</source>
        <translation>Unknown list.</translation>
    </message>
    <message>
        <source>名称不能为空。</source>
        <translation>The name cannot be empty.</translation>
    </message>
    <message>
        <source>列表里已有“{label}”。</source>
        <translation>“{label}” is already in the list.</translation>
    </message>
    <message>
        <source>选项不存在。</source>
        <translation>No such option.</translation>
    </message>
</context>
<context>
    <name>settings_tabs</name>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>standards</name>
    <message>
        <source>餐费</source>
        <translation>Meals</translation>
    </message>
    <message>
        <source>住宿</source>
        <translation>Lodging</translation>
    </message>
    <message>
        <source>交通</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>礼品</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>参观游览</source>
        <translation>Tours</translation>
    </message>
    <message>
        <source>资料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>级别 {code} 没有标准。</source>
        <translation>Level {code} has no standard.</translation>
    </message>
    <message>
        <source>没有级别 {code}。</source>
        <translation>No level {code}.</translation>
    </message>
    <message>
        <source>级别不存在。</source>
        <translation>No such level.</translation>
    </message>
    <message>
        <source>标准不存在。</source>
        <translation>No such standard.</translation>
    </message>
    <message>
        <source>请输入金额，例如 150 或 150.00。</source>
        <translation>Enter an amount, e.g. 150 or 150.00.</translation>
    </message>
    <message>
        <source>金额不能为负数。</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>金额太大。</source>
        <translation>The amount is too large.</translation>
    </message>
    <message>
        <source>请输入整数。</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>数值太小。</source>
        <translation>The number is too small.</translation>
    </message>
    <message>
        <source>数值太大。</source>
        <translation>The number is too large.</translation>
    </message>
    <message>
        <source>陪同人员</source>
        <translation>Accompanying staff</translation>
    </message>
    <message>
        <source>礼品决定人</source>
        <translation>Who decides on gifts</translation>
    </message>
    <message>
        <source>参观决定人</source>
        <translation>Who decides on tours</translation>
    </message>
    <message>
        <source>未知字段。</source>
        <translation>Unknown field.</translation>
    </message>
    <message>
        <source>级别名称</source>
        <translation>Level name</translation>
    </message>
    <message>
        <source>级别名称不能为空。</source>
        <translation>The level name cannot be empty.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>请填写{field}。</source>
        <translation>{field} is required.</translation>
    </message>
    <message>
        <source>{field}最多 {limit} 个字（现在 {n} 个）。</source>
        <translation>{field} can have at most {limit} characters (now {n}).</translation>
    </message>
    <message>
        <source>{field}不是有效的金额。</source>
        <translation>{field} is not a valid amount.</translation>
    </message>
    <message>
        <source>{field}不能为负数。</source>
        <translation>{field} cannot be negative.</translation>
    </message>
    <message>
        <source>{field}必须大于 0。</source>
        <translation>{field} must be greater than 0.</translation>
    </message>
    <message>
        <source>{field}超出范围（须小于 10 亿元）。</source>
        <translation>{field} is out of range (must be under 1 billion yuan).</translation>
    </message>
    <message>
        <source>{field}最多两位小数。</source>
        <translation>{field} can have at most two decimal places.</translation>
    </message>
    <message>
        <source>{field}须为整数。</source>
        <translation>{field} must be a whole number.</translation>
    </message>
    <message>
        <source>{field}至少为 {n}。</source>
        <translation>{field} must be at least {n}.</translation>
    </message>
    <message>
        <source>{field}不能超过 {n}。</source>
        <translation>{field} cannot exceed {n}.</translation>
    </message>
    <message>
        <source>{field}不是有效的日期。</source>
        <translation>{field} is not a valid date.</translation>
    </message>
    <message>
        <source>{field}须在 {a} 到 {b} 之间。</source>
        <translation>{field} must be between {a} and {b}.</translation>
    </message>
</context>
<context>
    <name>visitors</name>
    <message>
        <source>临时来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>预约待到</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>在访</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>已离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>该访客在黑名单中：{reasons}</source>
        <translation>This visitor is on the deny list: {reasons}</translation>
    </message>
    <message>
        <source>{name} 已于 {time} 签到且尚未签离（胸卡 {badge}）。</source>
        <translation>{name} checked in at {time} and has not checked out (badge {badge}).</translation>
    </message>
    <message>
        <source>来访记录不存在。</source>
        <translation>No such visit.</translation>
    </message>
    <message>
        <source>只能查看自己登记或自己接待的来访。</source>
        <translation>You can only view visits you registered or host.</translation>
    </message>
    <message>
        <source>访客姓名</source>
        <translation>Visitor name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>胸卡号</source>
        <translation>Badge no.</translation>
    </message>
    <message>
        <source>等候地点</source>
        <translation>Waiting at</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>预约日期</source>
        <translation>Expected date</translation>
    </message>
    <message>
        <source>预约时间不正确。</source>
        <translation>Invalid expected time.</translation>
    </message>
    <message>
        <source>请填写访客姓名。</source>
        <translation>Enter the visitor&apos;s name.</translation>
    </message>
    <message>
        <source>{name} 并未签离</source>
        <translation>{name} has not checked out</translation>
    </message>
    <message>
        <source>{name} 不是您办理的签离</source>
        <translation>{name} was not checked out by you</translation>
    </message>
    <message>
        <source>{name} 签离已超过 {minutes} 分钟</source>
        <translation>{name} checked out more than {minutes} minutes ago</translation>
    </message>
    <message>
        <source>无法撤销签离：</source>
        <translation>Cannot undo the check-out: </translation>
    </message>
    <message>
        <source>记录刚刚已被他人修改，请刷新后重试。</source>
        <translation>Someone else has just changed the record; refresh and try again.</translation>
    </message>
    <message>
        <source>请填写联系电话。</source>
        <translation>Enter a phone number.</translation>
    </message>
    <message>
        <source>电话号码格式不正确：“{value}”。</source>
        <translation>Not a valid phone number: “{value}”.</translation>
    </message>
    <message>
        <source>证件号码不正确（身份证校验位不符或含非法字符）。</source>
        <translation>Invalid ID number (wrong check digit or characters).</translation>
    </message>
    <message>
        <source>人数应在 1 到 999 之间。</source>
        <translation>The number of people must be between 1 and 999.</translation>
    </message>
    <message>
        <source>请选择接待人或接待部门。</source>
        <translation>Choose the host or the host department.</translation>
    </message>
    <message>
        <source>接待人不存在或已停用。</source>
        <translation>The host does not exist or is inactive.</translation>
    </message>
    <message>
        <source>来访方式不正确。</source>
        <translation>Invalid visit kind.</translation>
    </message>
    <message>
        <source>请填写预约日期。</source>
        <translation>Enter the expected date.</translation>
    </message>
    <message>
        <source>预约日期不能早于今天。</source>
        <translation>The expected date cannot be in the past.</translation>
    </message>
    <message>
        <source>胸卡 {badge} 正由 {name} 使用中。</source>
        <translation>Badge {badge} is worn by {name}.</translation>
    </message>
    <message>
        <source>访客到达：{name}</source>
        <translation>Visitor arrived: {name}</translation>
    </message>
    <message>
        <source>{name}（{company}）一行 {count} 人已到前台</source>
        <translation>{name} ({company}), {count} people, are at the front desk</translation>
    </message>
    <message>
        <source>未填单位</source>
        <translation>no company given</translation>
    </message>
    <message>
        <source>在 {place} 等候</source>
        <translation>waiting at {place}</translation>
    </message>
    <message>
        <source>登记人：{who}</source>
        <translation>registered by {who}</translation>
    </message>
    <message>
        <source>{name} 不在预约待到名单中（当前状态：{status}）。</source>
        <translation>{name} is not on the expected list (status: {status}).</translation>
    </message>
    <message>
        <source>该访客刚刚已被签到。</source>
        <translation>This visitor has just been checked in.</translation>
    </message>
    <message>
        <source>只能取消自己登记或自己接待的预约。</source>
        <translation>You can only cancel appointments you registered or host.</translation>
    </message>
    <message>
        <source>只能取消尚未签到的预约。</source>
        <translation>Only appointments not yet checked in can be cancelled.</translation>
    </message>
    <message>
        <source>记录不存在：{ids}</source>
        <translation>No such records: {ids}</translation>
    </message>
    <message>
        <source>{name} 已于 {time} 签离</source>
        <translation>{name} checked out at {time}</translation>
    </message>
    <message>
        <source>{name} 尚未签到，不能签离</source>
        <translation>{name} has not checked in and cannot check out</translation>
    </message>
    <message>
        <source>{name} 的签离时间早于签到时间</source>
        <translation>{name}&apos;s check-out time is before the check-in time</translation>
    </message>
    <message>
        <source>部分访客刚刚已在别处签离，请刷新后重试。</source>
        <translation>Some visitors were just checked out elsewhere; refresh and try again.</translation>
    </message>
</context>
<context>
    <name>vouchers</name>
    <message>
        <source>凭证不存在。</source>
        <translation>No such voucher.</translation>
    </message>
    <message>
        <source>附件文件在其他电脑上，未能迁移：请在上传它的电脑上启动一次本程序，文件会自动存入数据库。</source>
        <extracomment>The largest voucher accepted. A phone photo or a scanned page is well under this; a database full of 100 MB scans would make every backup and every PC&apos;s first download slow.</extracomment>
        <translation>The attachment file is on another PC and could not be migrated: start this program once on the PC it was uploaded from, and the file will be stored in the database automatically.</translation>
    </message>
    <message>
        <source>无法读取文件 {name}。</source>
        <translation>Cannot read file {name}.</translation>
    </message>
    <message>
        <source>凭证文件 {name} 有 {size} MB，超过 {limit} MB 的上限：请压缩图片或分页扫描后再附加。</source>
        <translation>Voucher file {name} is {size} MB, over the {limit} MB limit: compress the images or scan page by page before attaching.</translation>
    </message>
    <message>
        <source>凭证文件 {name} 已损坏（校验值不符）。</source>
        <translation>Voucher file {name} is damaged (checksum mismatch).</translation>
    </message>
</context>
</TS>
