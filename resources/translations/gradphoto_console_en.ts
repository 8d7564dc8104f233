<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ConsoleBoothPage</name>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="9"/>
        <source>相机与灯光</source>
        <translation>Camera and lighting</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="13"/>
        <source>相机</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="15"/>
        <source>分辨率</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="17"/>
        <source>打开相机</source>
        <translation>Open camera</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="26"/>
        <source>相机未打开</source>
        <translation>Camera not open</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="31"/>
        <source>拍摄空背景板</source>
        <translation>Capture empty background plate</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="32"/>
        <source>检查灯光</source>
        <translation>Check lighting</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="37"/>
        <source>拍摄空背景板后自动检查灯光：背景是否均匀、左右上下亮度是否一致、曝光是否合适。</source>
        <translation>After the empty background plate is captured the lighting is checked: even backdrop, left/right and top/bottom balance, exposure.</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="44"/>
        <source>自助机设置</source>
        <translation>Kiosk settings</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="49"/>
        <source>无操作返回首页（秒）</source>
        <translation>Back to start when idle (s)</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="51"/>
        <source>采集费用（元）</source>
        <translation>Fee (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="53"/>
        <source>客服电话</source>
        <translation>Help phone</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="55"/>
        <source>照片标准</source>
        <translation>Photo preset</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="59"/>
        <source>保存后，自助机下次启动时生效。相机的选择也一并保存。</source>
        <translation>Takes effect the next time the kiosk starts. The camera choice is saved too.</translation>
    </message>
    <message>
        <location filename="../../ui/console_booth_page.ui" line="60"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
</context>
<context>
    <name>ConsoleExportPage</name>
    <message>
        <location filename="../../ui/console_export_page.ui" line="9"/>
        <source>导出学信网照片</source>
        <translation>Export photos for CHSI</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="11"/>
        <source>输出文件夹</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="15"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="18"/>
        <source>批次名称</source>
        <translation>Batch name</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="20"/>
        <source>文件名规则</source>
        <translation>File name pattern</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="22"/>
        <source>审核通过于</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="25"/>
        <source>仅此日期之后</source>
        <translation>on or after</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="26"/>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="30"/>
        <source>CSV 编码</source>
        <translation>CSV encoding</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="34"/>
        <source>同时打包为 ZIP</source>
        <translation>Also pack as ZIP</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="40"/>
        <source>开始导出</source>
        <translation>Start export</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="41"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="50"/>
        <source>已有批次</source>
        <translation>Earlier batches</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="56"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="57"/>
        <source>张数</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="58"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="59"/>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="60"/>
        <source>导出人</source>
        <translation>Exported by</translation>
    </message>
    <message>
        <location filename="../../ui/console_export_page.ui" line="61"/>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>ConsolePrintPage</name>
    <message>
        <location filename="../../ui/console_print_page.ui" line="9"/>
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="10"/>
        <source>输入学号后按回车</source>
        <translation>Type the student number, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="11"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="29"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="31"/>
        <source>打印内容</source>
        <translation>What to print</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="33"/>
        <source>相纸</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="35"/>
        <source>张数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="36"/>
        <source>排满</source>
        <translation>As many as fit</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="37"/>
        <source>裁切线</source>
        <translation>Cut lines</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="38"/>
        <source>照片下方印姓名</source>
        <translation>Name under each photo</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="41"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/console_print_page.ui" line="42"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
</context>
<context>
    <name>ConsoleRejectDialog</name>
    <message>
        <location filename="../../ui/console_reject_dialog.ui" line="6"/>
        <source>退回照片</source>
        <translation>Reject photo</translation>
    </message>
    <message>
        <location filename="../../ui/console_reject_dialog.ui" line="8"/>
        <source>退回原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/console_reject_dialog.ui" line="9"/>
        <source>↑/↓ 选择原因（不合格检查项对应的原因排在最前），Tab 填写备注，Enter 确定，Esc 取消。</source>
        <translation>Up/Down picks a reason (those of failed checks first), Tab to the note, Enter confirms, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../ui/console_reject_dialog.ui" line="11"/>
        <source>备注（可选，学生会看到）</source>
        <translation>Note (optional, the student sees it)</translation>
    </message>
</context>
<context>
    <name>ConsoleReviewPage</name>
    <message>
        <location filename="../../ui/console_review_page.ui" line="11"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="24"/>
        <source>↑/↓ 或 J/K 切换 · Enter 通过 · R 退回 · Z 原图 1:1</source>
        <translation>Up/Down or J/K move · Enter approve · R reject · Z raw 1:1</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="29"/>
        <source>请选择左侧的一条记录</source>
        <translation>Select an entry on the left</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="36"/>
        <source>拍摄原图</source>
        <translation>Raw capture</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="60"/>
        <source>标准照（原尺寸）</source>
        <translation>Final photo (actual size)</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="50"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="51"/>
        <source>检查项</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="52"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="70"/>
        <source>通过 (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="71"/>
        <source>退回 (R)</source>
        <translation>Reject (R)</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="72"/>
        <source>撤销通过 (V)</source>
        <translation>Revoke approval (V)</translation>
    </message>
    <message>
        <location filename="../../ui/console_review_page.ui" line="73"/>
        <source>打印照片 (P)</source>
        <translation>Print photo (P)</translation>
    </message>
</context>
<context>
    <name>ConsoleSignInPage</name>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="21"/>
        <source>工作人员登录</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="22"/>
        <source>请输入工号和 PIN。连续输错 5 次账号将锁定 5 分钟。</source>
        <translation>Enter your staff number and PIN. 5 wrong PINs lock the account for 5 minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="27"/>
        <location filename="../../ui/console_sign_in_page.ui" line="36"/>
        <source>工号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="29"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="31"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="38"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="40"/>
        <source>PIN（4–12 位数字）</source>
        <translation>PIN (4–12 digits)</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="42"/>
        <source>再次输入 PIN</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <location filename="../../ui/console_sign_in_page.ui" line="44"/>
        <source>创建管理员并登录</source>
        <translation>Create admin and sign in</translation>
    </message>
</context>
<context>
    <name>ConsoleStaffPage</name>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="13"/>
        <location filename="../../ui/console_staff_page.ui" line="25"/>
        <source>工号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="14"/>
        <location filename="../../ui/console_staff_page.ui" line="27"/>
        <location filename="../../ui/console_staff_page.ui" line="44"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="15"/>
        <location filename="../../ui/console_staff_page.ui" line="29"/>
        <location filename="../../ui/console_staff_page.ui" line="46"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="16"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="23"/>
        <source>添加工作人员</source>
        <translation>Add a staff member</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="31"/>
        <source>初始 PIN</source>
        <translation>Initial PIN</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="33"/>
        <source>再次输入 PIN</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="35"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="41"/>
        <source>所选账号</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="43"/>
        <source>请在左侧选择一个账号</source>
        <translation>Select an account on the left</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="49"/>
        <source>新 PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="51"/>
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="48"/>
        <source>保存姓名和角色</source>
        <translation>Save name and role</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="53"/>
        <source>重置 PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="56"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/console_staff_page.ui" line="57"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>ConsoleStatsPage</name>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="9"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="10"/>
        <location filename="../../ui/console_stats_page.ui" line="12"/>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="11"/>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="13"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="15"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="24"/>
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="25"/>
        <source>会话</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="26"/>
        <source>缴费（笔）</source>
        <translation>Paid orders</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="27"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="28"/>
        <source>提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="29"/>
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="30"/>
        <source>退回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="31"/>
        <source>首次通过率</source>
        <translation>First-time pass rate</translation>
    </message>
    <message>
        <location filename="../../ui/console_stats_page.ui" line="32"/>
        <source>打印</source>
        <translation>Prints</translation>
    </message>
</context>
<context>
    <name>ConsoleTodayPage</name>
    <message>
        <location filename="../../ui/console_today_page.ui" line="11"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/console_today_page.ui" line="23"/>
        <source>今日退回原因</source>
        <translation>Rejections today by reason</translation>
    </message>
    <message>
        <location filename="../../ui/console_today_page.ui" line="29"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/console_today_page.ui" line="30"/>
        <source>张数</source>
        <translation>Photos</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../ui/console_window.ui" line="6"/>
        <location filename="../../ui/console_window.ui" line="52"/>
        <source>GradPhoto 工作台</source>
        <translation>GradPhoto staff console</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.ui" line="55"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::BoothPage</name>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="136"/>
        <source>相机与灯光（自助机正在使用的相机）</source>
        <translation>Camera and light (the camera the kiosk is using)</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="138"/>
        <source>自助机正在使用相机：这里选择的相机和分辨率保存后，在自助机重新启动时生效。</source>
        <translation>The kiosk is using the camera: a camera or resolution chosen here takes effect when the kiosk restarts.</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="142"/>
        <source>重新连接相机</source>
        <translation>Reconnect camera</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="145"/>
        <source>自助机的相机：%1</source>
        <translation>The kiosk&apos;s camera: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="28"/>
        <source>设置文件：%1</source>
        <translation>Settings file: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="32"/>
        <source>现有背景板：%1（%2）</source>
        <translation>Current plate: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="52"/>
        <source>相机未打开</source>
        <translation>Camera not open</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="73"/>
        <source>（系统未报告相机，使用默认相机）</source>
        <translation>(no camera reported, using the default)</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="150"/>
        <source>这台设备没有配置相机</source>
        <translation>No camera configured on this machine</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="162"/>
        <source>无法打开相机</source>
        <translation>Cannot open the camera</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="124"/>
        <source>拍摄失败：相机没有返回照片，请检查相机后重试。</source>
        <translation>Capture failed: the camera returned no picture. Check it and try again.</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="127"/>
        <location filename="../../src/console/booth_page.cpp" line="146"/>
        <source>相机没有画面（已拔出或被其他程序占用？）</source>
        <translation>No picture from the camera (unplugged or used by another program?)</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="166"/>
        <source>正在打开相机：%1</source>
        <translation>Opening camera: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="182"/>
        <source>相机没有画面，无法拍摄背景板。</source>
        <translation>No picture from the camera: cannot capture the plate.</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="186"/>
        <source>正在拍摄空背景板……请确认拍摄区内没有人。</source>
        <translation>Capturing the empty background plate… make sure nobody is in the booth.</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="199"/>
        <source>背景板无法编码为 JPEG：%1</source>
        <translation>Cannot encode the plate as JPEG: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="210"/>
        <source>背景板未能保存：%1</source>
        <translation>Plate not saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="213"/>
        <source>已保存空背景板：%1（%2×%3，%4）。标准化时会自动使用它。</source>
        <translation>Empty background plate saved: %1 (%2×%3, %4). The standardizer uses it from now on.</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="220"/>
        <source>背景板</source>
        <translation>plate</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="228"/>
        <source>实时画面</source>
        <translation>live frame</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="231"/>
        <source>已保存的背景板</source>
        <translation>saved plate</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="234"/>
        <source>没有可检查的画面：请打开相机或先拍摄空背景板。</source>
        <translation>Nothing to check: open the camera or capture the plate first.</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="250"/>
        <source>灯光检查（%1）：%2</source>
        <translation>Lighting check (%1): %2</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="271"/>
        <source>设置文件无法读取，未做修改：%1</source>
        <translation>The settings file cannot be read; nothing changed: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="290"/>
        <source>已保存。费用 %1 元，无操作 %2 秒返回首页。自助机重新启动后生效。</source>
        <translation>Saved. Fee %1 yuan, back to start after %2 s idle. Takes effect when the kiosk restarts.</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.cpp" line="295"/>
        <location filename="../../src/console/booth_page.cpp" line="297"/>
        <source>未能保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/booth_page.h" line="30"/>
        <source>采集点设置</source>
        <translation>Booth</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::ConsoleWindow</name>
    <message>
        <location filename="../../src/console/console_window.cpp" line="58"/>
        <source>%1 分钟无操作，已自动退出登录。</source>
        <translation>Signed out after %1 minute(s) without activity.</translation>
    </message>
    <message>
        <location filename="../../src/console/console_window.cpp" line="144"/>
        <source>%1 %2（%3）</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../src/console/console_window.cpp" line="147"/>
        <source>管理员</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../src/console/console_window.cpp" line="147"/>
        <source>工作人员</source>
        <translation>staff</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::ExportPage</name>
    <message>
        <location filename="../../src/console/export_page.cpp" line="27"/>
        <source>UTF-8（推荐）</source>
        <translation>UTF-8 (recommended)</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="28"/>
        <source>GBK（旧版 Excel）</source>
        <translation>GBK (old Excel)</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="36"/>
        <source>选择输出文件夹</source>
        <translation>Choose the output folder</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="77"/>
        <source>请选择输出文件夹（例如 U 盘）</source>
        <translation>Choose an output folder (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="96"/>
        <source>正在准备导出…</source>
        <translation>Preparing the export…</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="130"/>
        <source>导出已开始</source>
        <translation>Export started</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="137"/>
        <source>正在取消…（当前照片写完后停止）</source>
        <translation>Cancelling… (stops after the current photo)</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="146"/>
        <source>校验并写入照片 %1 / %2</source>
        <translation>Verifying and writing photos %1 / %2</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="149"/>
        <source>写入清单（manifest.csv、manifest.json）</source>
        <translation>Writing the manifest (manifest.csv, manifest.json)</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="152"/>
        <source>打包 ZIP %1 / %2</source>
        <translation>Packing the ZIP %1 / %2</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="155"/>
        <location filename="../../src/console/export_page.cpp" line="190"/>
        <location filename="../../src/console/export_page.cpp" line="229"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="165"/>
        <source>&lt;p&gt;&lt;b&gt;已取消。&lt;/b&gt;批次 %1 保持未完成，再次导出同一批次会从停下的地方继续（不生成 ZIP）。&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Cancelled.&lt;/b&gt; Batch %1 stays open; exporting the same batch again goes on where it stopped (no ZIP was written).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="169"/>
        <source>&lt;p&gt;&lt;b&gt;导出完成：&lt;/b&gt;批次 %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Export done:&lt;/b&gt; batch %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="171"/>
        <source>&lt;p&gt;本次导出 %1 张 · 批次中已有 %2 张 · 批次共 %3 张 · 未导出 %4 张&lt;/p&gt;</source>
        <translation>&lt;p&gt;Exported now %1 · already in the batch %2 · batch total %3 · not exported %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="176"/>
        <source>&lt;p&gt;文件夹：%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Folder: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="179"/>
        <source>&lt;p&gt;ZIP：%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;ZIP: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="181"/>
        <source>&lt;p&gt;&lt;b&gt;未导出（下次导出会重试）：&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Not exported (the next export retries them):&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="190"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="191"/>
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="191"/>
        <source>导出完成：%1 张</source>
        <translation>Export done: %1 photo(s)</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="198"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="229"/>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="237"/>
        <source>还没有导出过批次</source>
        <translation>No batches exported yet</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.cpp" line="238"/>
        <source>已有批次</source>
        <translation>Earlier batches</translation>
    </message>
    <message>
        <location filename="../../src/console/export_page.h" line="24"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::PrintPage</name>
    <message>
        <location filename="../../src/console/print_page.cpp" line="35"/>
        <source>排版照（多张）</source>
        <translation>Layout sheet (several copies)</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="36"/>
        <source>标准照（单张，实际尺寸）</source>
        <translation>Standard photo (one, actual size)</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="89"/>
        <source>输入学号查找已通过审核的照片</source>
        <translation>Enter a student number to find the approved photo</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="115"/>
        <source>没有学号为 %1 的学生</source>
        <translation>No student with number %1</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="118"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="124"/>
        <source>没有可打印的照片</source>
        <translation>No photo to print</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="125"/>
        <source>该学生的照片尚未通过审核（%1），通过后才能打印</source>
        <translation>This photo is not approved yet (%1); it can be printed once approved</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="127"/>
        <source>该学生还没有采集照片</source>
        <translation>This student has no photo yet</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="141"/>
        <source>照片文件无法读取</source>
        <translation>The photo file cannot be read</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="147"/>
        <source>照片已通过审核（采集 %1），可以打印</source>
        <translation>Photo approved (capture %1): ready to print</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="160"/>
        <source>请先查找一名照片已通过审核的学生</source>
        <translation>First find a student whose photo is approved</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="166"/>
        <source>未知的相纸 %1</source>
        <translation>Unknown paper %1</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="210"/>
        <source>已发送到打印机（打印记录 %1）</source>
        <translation>Sent to the printer (print record %1)</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.cpp" line="214"/>
        <source>打印失败：%1</source>
        <translation>Print failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/print_page.h" line="29"/>
        <source>学生照片</source>
        <translation>Student photo</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::QueueModel</name>
    <message>
        <location filename="../../src/console/queue_model.cpp" line="15"/>
        <source>未提交</source>
        <translation>not submitted</translation>
    </message>
    <message>
        <location filename="../../src/console/queue_model.cpp" line="17"/>
        <source>待审核</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../src/console/queue_model.cpp" line="19"/>
        <source>已通过</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../src/console/queue_model.cpp" line="21"/>
        <source>已退回</source>
        <translation>rejected</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/console/queue_model.cpp" line="86"/>
        <source>%n 项不合格</source>
        <translation>
            <numerusform>%n check failed</numerusform>
            <numerusform>%n checks failed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/console/queue_model.cpp" line="88"/>
        <source>检查全部通过</source>
        <translation>all checks passed</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::RejectDialog</name>
    <message>
        <location filename="../../src/console/reject_dialog.cpp" line="21"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/console/reject_dialog.cpp" line="22"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/console/reject_dialog.cpp" line="43"/>
        <source>%1（检查未通过）</source>
        <translation>%1 (failed check)</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::ReviewPage</name>
    <message>
        <location filename="../../src/console/review_page.cpp" line="37"/>
        <source>待审核（先到先审）</source>
        <translation>Pending (oldest first)</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="39"/>
        <source>已通过</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="40"/>
        <source>已退回</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="41"/>
        <source>全部（待审核在前）</source>
        <translation>All (pending first)</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="68"/>
        <source>↑/↓ 或 J/K 切换 · Enter 通过 · R 退回 · V 撤销通过 · Z 原图 1:1</source>
        <translation>Up/Down or J/K move · Enter approve · R reject · V revoke · Z raw 1:1</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="69"/>
        <source>↑/↓ 或 J/K 切换 · Enter 通过 · R 退回 · Z 原图 1:1</source>
        <translation>Up/Down or J/K move · Enter approve · R reject · Z raw 1:1</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="101"/>
        <source>待审核 %1 张 · 已列出 %2 条</source>
        <translation>%1 pending · %2 listed</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="146"/>
        <source>没有需要处理的照片。</source>
        <translation>Nothing to review.</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="147"/>
        <source>请选择左侧的一条记录</source>
        <translation>Select an entry on the left</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="154"/>
        <source>找不到记录 #%1</source>
        <translation>No capture #%1</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="167"/>
        <source>&lt;b&gt;%1 %2&lt;/b&gt; · %3 · %4 · 提交于 %5 · 记录 #%6</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt; · %3 · %4 · submitted %5 · capture #%6</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="175"/>
        <source>标准照文件缺失</source>
        <translation>Final photo file missing</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="195"/>
        <source>原图文件缺失</source>
        <translation>Raw capture file missing</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="201"/>
        <source>拍摄原图（1:1，Z 缩小）</source>
        <translation>Raw capture (1:1, Z to fit)</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="202"/>
        <source>拍摄原图（缩放显示，Z 看 1:1）</source>
        <translation>Raw capture (fitted, Z for 1:1)</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="230"/>
        <source>错误</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="237"/>
        <source>合格</source>
        <translation>pass</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="240"/>
        <source>不合格</source>
        <translation>fail</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="243"/>
        <source>注意</source>
        <translation>warn</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="246"/>
        <source>未判定</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="258"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="258"/>
        <source>这条记录没有检查报告。</source>
        <translation>This capture has no check report.</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="301"/>
        <source>只有待审核的照片可以通过（这张是“%1”）。</source>
        <translation>Only pending photos can be approved (this one is %1).</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="307"/>
        <source>已通过：%1（记录 #%2）</source>
        <translation>Approved: %1 (capture #%2)</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="311"/>
        <source>未能通过：%1</source>
        <translation>Not approved: %1</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="318"/>
        <source>只有待审核的照片可以退回（这张是“%1”）。</source>
        <translation>Only pending photos can be rejected (this one is %1).</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="327"/>
        <source>只能撤销已通过的照片。</source>
        <translation>Only approved photos can be revoked.</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="339"/>
        <source>撤销通过：学号 %1</source>
        <translation>Revoke approval: student %1</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="340"/>
        <source>退回：学号 %1</source>
        <translation>Reject: student %1</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="350"/>
        <source>已取消，未做更改。</source>
        <translation>Cancelled, nothing changed.</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="359"/>
        <source>已撤销通过：%1（%2）</source>
        <translation>Approval revoked: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.cpp" line="359"/>
        <source>已退回：%1（%2）</source>
        <translation>Rejected: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/console/review_page.h" line="25"/>
        <source>审核队列</source>
        <translation>Review queue</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::SignInPage</name>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="41"/>
        <source>创建第一个管理员账号</source>
        <translation>Create the first admin account</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="41"/>
        <source>工作人员登录</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="43"/>
        <source>这台设备还没有工作人员账号。第一个账号必须是管理员，之后由管理员添加其他账号。</source>
        <translation>There are no staff accounts yet. The first account must be an admin, who then adds the others.</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="44"/>
        <source>请输入工号和 PIN。连续输错 5 次账号将锁定 5 分钟。</source>
        <translation>Enter your staff number and PIN. 5 wrong PINs lock the account for 5 minutes.</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="68"/>
        <source>账号 %1 已被管理员锁定，请联系管理员解锁。</source>
        <translation>Account %1 is locked by an admin; ask an admin to unlock it.</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="73"/>
        <source>PIN 连续错误 5 次，账号 %1 已锁定 %2 分钟（%3 后可再试）。</source>
        <translation>5 wrong PINs: account %1 is locked for %2 minute(s) (try again after %3).</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="86"/>
        <source>请输入工号和 PIN。</source>
        <translation>Enter your staff number and PIN.</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="110"/>
        <source>请填写工号和姓名。</source>
        <translation>Enter the staff number and the name.</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="114"/>
        <source>PIN 须为 4–12 位数字。</source>
        <translation>The PIN must be 4–12 digits.</translation>
    </message>
    <message>
        <location filename="../../src/console/sign_in_page.cpp" line="118"/>
        <source>两次输入的 PIN 不一致。</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::StaffPage</name>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="16"/>
        <location filename="../../src/console/staff_page.cpp" line="18"/>
        <location filename="../../src/console/staff_page.cpp" line="56"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="17"/>
        <location filename="../../src/console/staff_page.cpp" line="19"/>
        <location filename="../../src/console/staff_page.cpp" line="55"/>
        <source>管理员</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="44"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="48"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="49"/>
        <source>已锁定至 %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="93"/>
        <source>账号 %1</source>
        <translation>Account %1</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="93"/>
        <source>请在左侧选择一个账号</source>
        <translation>Select an account on the left</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="122"/>
        <source>请填写工号和姓名</source>
        <translation>Enter the staff number and the name</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="126"/>
        <location filename="../../src/console/staff_page.cpp" line="152"/>
        <source>两次输入的 PIN 不一致</source>
        <translation>The two PINs differ</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="145"/>
        <source>已添加 %1（%2）</source>
        <translation>Added %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="174"/>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="189"/>
        <source>已保存 %1 的姓名和角色</source>
        <translation>Name and role of %1 saved</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="166"/>
        <source>已重置 %1 的 PIN</source>
        <translation>PIN of %1 reset</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="205"/>
        <source>已锁定 %1</source>
        <translation>Locked %1</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.cpp" line="205"/>
        <source>已解锁 %1</source>
        <translation>Unlocked %1</translation>
    </message>
    <message>
        <location filename="../../src/console/staff_page.h" line="15"/>
        <source>工作人员账号</source>
        <translation>Staff accounts</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::StatsPage</name>
    <message>
        <location filename="../../src/console/stats_page.cpp" line="40"/>
        <source>导出统计 CSV</source>
        <translation>Export statistics CSV</translation>
    </message>
    <message>
        <location filename="../../src/console/stats_page.cpp" line="44"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/console/stats_page.cpp" line="95"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../src/console/stats_page.cpp" line="102"/>
        <source>%1 至 %2 没有记录</source>
        <translation>No records from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../src/console/stats_page.cpp" line="114"/>
        <source>统计已导出到 %1</source>
        <translation>Statistics exported to %1</translation>
    </message>
    <message>
        <location filename="../../src/console/stats_page.h" line="17"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::TodayPage</name>
    <message>
        <location filename="../../src/console/today_page.cpp" line="59"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · 更新于 %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · updated %2</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="73"/>
        <source>自助机会话</source>
        <translation>Kiosk sessions</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="74"/>
        <source>提交 %1 · 取消 %2 · 超时 %3 · 查询 %4 · 出错 %5</source>
        <translation>submitted %1 · cancelled %2 · idle %3 · status checks %4 · failed %5</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="80"/>
        <source>缴费</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="81"/>
        <source>%1 笔 · %2 元</source>
        <translation>%1 · %2 yuan</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="82"/>
        <source>其中现金 %1 笔 %2 元 · 免费 %3 笔</source>
        <translation>cash %1 (%2 yuan) · waived %3</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="87"/>
        <source>提交审核</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="87"/>
        <source>含重拍后再次提交</source>
        <translation>retakes included</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="89"/>
        <source>审核</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="89"/>
        <source>通过 %1 · 退回 %2</source>
        <translation>approved %1 · rejected %2</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="90"/>
        <source>退回含撤销通过</source>
        <translation>rejections include revoked approvals</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="108"/>
        <source>今日没有退回的照片</source>
        <translation>No rejections today</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.cpp" line="109"/>
        <source>今日退回原因</source>
        <translation>Rejections today by reason</translation>
    </message>
    <message>
        <location filename="../../src/console/today_page.h" line="16"/>
        <source>今日概况</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>gradphoto::console::UnfinishedPrintsList</name>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="53"/>
        <source>未完成的打印</source>
        <translation>Unfinished prints</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="55"/>
        <source>打开该学生补打</source>
        <translation>Open the student to reprint</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="61"/>
        <source>开始打印</source>
        <translation>Print started</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="61"/>
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="61"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="61"/>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="61"/>
        <source>自助机</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="61"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="87"/>
        <source>中断：打印机未应答时自助机已关闭，请确认是否已打出</source>
        <translation>Interrupted: the kiosk closed while the printer had not answered; check whether the sheet came out</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="88"/>
        <source>未完成：打印机尚未应答，可能仍在打印</source>
        <translation>Unfinished: the printer has not answered yet, it may still be printing</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="106"/>
        <source>标准照</source>
        <translation>Standard photo</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="106"/>
        <source>排版照 %1 张</source>
        <translation>Sheet of %1</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="120"/>
        <source>没有未完成的打印</source>
        <translation>No unfinished prints</translation>
    </message>
    <message>
        <location filename="../../src/console/unfinished_prints.cpp" line="121"/>
        <source>%1 次打印未确认完成：请查看打印机是否已打出，没有打出的请补打</source>
        <translation>%1 print(s) not confirmed as finished: check whether they came out of the printer and reprint those that did not</translation>
    </message>
</context>
</TS>
