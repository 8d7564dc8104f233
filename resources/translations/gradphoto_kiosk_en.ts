<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>CapturePage</name>
    <message>
        <location filename="../../ui/capture_page.ui" line="5"/>
        <location filename="../../ui/capture_page.ui" line="9"/>
        <source>拍摄</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../ui/capture_page.ui" line="33"/>
        <source>工作人员：请让学生正对镜头、双肩放平，头部在椭圆框内，然后按“拍照”（或空格键 / 脚踏）。</source>
        <translation>Staff: have the student face the camera, shoulders level, head inside the oval, then press &quot;Shoot&quot; (or Space / the foot pedal).</translation>
    </message>
    <message>
        <location filename="../../ui/capture_page.ui" line="43"/>
        <source>拍照</source>
        <translation>Shoot</translation>
    </message>
</context>
<context>
    <name>FailsafePage</name>
    <message>
        <location filename="../../ui/failsafe_page.ui" line="5"/>
        <source>抱歉</source>
        <translation>Sorry</translation>
    </message>
    <message>
        <location filename="../../ui/failsafe_page.ui" line="12"/>
        <source>抱歉，出了点问题</source>
        <translation>Sorry, something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/failsafe_page.ui" line="27"/>
        <source>您的信息已清除，没有产生重复扣费。请稍后重新开始，或联系身边的工作人员。</source>
        <translation>Your data was cleared and nothing was charged twice. Please start again, or ask the staff nearby.</translation>
    </message>
    <message>
        <location filename="../../ui/failsafe_page.ui" line="50"/>
        <source>返回首页</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <location filename="../../ui/guide_page.ui" line="5"/>
        <location filename="../../ui/guide_page.ui" line="9"/>
        <source>拍照须知</source>
        <translation>Before your photo</translation>
    </message>
    <message>
        <location filename="../../ui/guide_page.ui" line="92"/>
        <source>请由工作人员使用后置摄像头为您拍摄，不能自拍。</source>
        <translation>The staff take your photo with the rear camera; no selfies.</translation>
    </message>
    <message>
        <location filename="../../ui/guide_page.ui" line="112"/>
        <source>我已了解，开始拍摄</source>
        <translation>Understood, take my photo</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <location filename="../../ui/help_page.ui" line="5"/>
        <source>客服</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/help_page.ui" line="9"/>
        <source>客服咨询</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../ui/help_page.ui" line="36"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk_window.ui" line="5"/>
        <source>GradPhoto Station</source>
        <translation>GradPhoto Station</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_window.ui" line="17"/>
        <source>毕业生图像采集</source>
        <translation>Graduation photo</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_window.ui" line="30"/>
        <source>演示模式 DEMO</source>
        <translation>DEMO mode</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_window.ui" line="44"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk_window.ui" line="58"/>
        <source>客服</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../ui/payment_page.ui" line="5"/>
        <source>支付</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/payment_page.ui" line="9"/>
        <source>支付采集费用</source>
        <translation>Pay the fee</translation>
    </message>
    <message>
        <location filename="../../ui/payment_page.ui" line="16"/>
        <source>演示模式：不会真实扣款，稍候将自动视为已支付</source>
        <translation>DEMO: no money is charged; the order counts as paid in a moment</translation>
    </message>
    <message>
        <location filename="../../ui/payment_page.ui" line="45"/>
        <source>请使用微信“扫一扫”扫描左侧二维码完成支付，支付成功后将自动进入下一步。</source>
        <translation>Scan the QR code with WeChat to pay; the next step opens by itself once paid.</translation>
    </message>
    <message>
        <location filename="../../ui/payment_page.ui" line="64"/>
        <source>工作人员确认（现金 / 免费）</source>
        <translation>Staff confirmation (cash / free)</translation>
    </message>
</context>
<context>
    <name>PhotoPickerPage</name>
    <message>
        <location filename="../../ui/photo_picker_page.ui" line="5"/>
        <source>相册识别</source>
        <translation>Code from a picture</translation>
    </message>
    <message>
        <location filename="../../ui/photo_picker_page.ui" line="9"/>
        <source>相册识别：点一张采集码图片</source>
        <translation>Code from a picture: tap the picture of your code</translation>
    </message>
    <message>
        <location filename="../../ui/photo_picker_page.ui" line="16"/>
        <source>插入 U 盘，或请工作人员把图片放入共享文件夹。请使用在学信网 App 内“保存图片”得到的采集码，截图往往无法识别。</source>
        <translation>Insert a USB stick, or ask the staff to put the picture into the shared folder. Use the code saved with “Save image” in the CHSI app; screenshots often cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/photo_picker_page.ui" line="43"/>
        <source>返回扫码</source>
        <translation>Back to scanning</translation>
    </message>
    <message>
        <location filename="../../ui/photo_picker_page.ui" line="53"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/preview_page.ui" line="5"/>
        <location filename="../../ui/preview_page.ui" line="9"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/preview_page.ui" line="34"/>
        <source>照片清晰、表情自然、双眼睁开吗？满意请点“上传”生成标准照。</source>
        <translation>Sharp, natural expression, eyes open? If you are happy, tap &quot;Upload&quot; to make the standard photo.</translation>
    </message>
    <message>
        <location filename="../../ui/preview_page.ui" line="41"/>
        <source>上传</source>
        <translation>Upload</translation>
    </message>
    <message>
        <location filename="../../ui/preview_page.ui" line="48"/>
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../ui/result_page.ui" line="5"/>
        <location filename="../../ui/result_page.ui" line="9"/>
        <source>标准化结果</source>
        <translation>Standardized photo</translation>
    </message>
    <message>
        <location filename="../../ui/result_page.ui" line="42"/>
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location filename="../../ui/result_page.ui" line="56"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../ui/result_page.ui" line="49"/>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1119"/>
        <source>工作人员确认提交</source>
        <translation>Staff confirm and submit</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../../ui/scan_page.ui" line="5"/>
        <location filename="../../ui/scan_page.ui" line="9"/>
        <source>扫描学信网图像采集码</source>
        <translation>Scan your CHSI photo collection code</translation>
    </message>
    <message>
        <location filename="../../ui/scan_page.ui" line="27"/>
        <source>请打开学信网 App 或网页，进入“图像采集码”，把手机屏幕对准摄像头。</source>
        <translation>Open the CHSI app or website, go to &quot;图像采集码&quot; (photo collection code) and hold the phone screen to the camera.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_page.ui" line="34"/>
        <source>截图往往无法识别：请在 App 内保存图片后交给工作人员用 U 盘识别，或使用扫码枪。</source>
        <translation>Screenshots often do not scan: save the image in the app and give it to the staff on a USB stick, or use the hand scanner.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_page.ui" line="41"/>
        <source>从 U 盘或共享文件夹选择采集码图片</source>
        <translation>Pick the code picture from a USB stick or shared folder</translation>
    </message>
    <message>
        <location filename="../../ui/scan_page.ui" line="48"/>
        <source>演示模式：点一个示例采集码</source>
        <translation>DEMO: tap a sample code</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <location filename="../../ui/service_page.ui" line="5"/>
        <location filename="../../ui/service_page.ui" line="9"/>
        <source>采集资格与服务内容</source>
        <translation>Your collection and the service</translation>
    </message>
    <message>
        <location filename="../../ui/service_page.ui" line="62"/>
        <source>工作人员确认（现金 / 免费）</source>
        <translation>Staff confirmation (cash / free)</translation>
    </message>
    <message>
        <location filename="../../ui/service_page.ui" line="69"/>
        <source>去支付</source>
        <translation>Pay</translation>
    </message>
</context>
<context>
    <name>StaffSettlementDialog</name>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="5"/>
        <source>工作人员确认</source>
        <translation>Staff confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="10"/>
        <source>由工作人员确认已收取现金，或免收本次费用。需要工号和 PIN，并会记录在审计日志中。</source>
        <translation>A staff member confirms the cash was taken, or waives the fee. Needs the staff number and PIN; it is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="17"/>
        <source>工号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="19"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="21"/>
        <source>方式</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="24"/>
        <source>现金已收</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="25"/>
        <source>免费</source>
        <translation>Fee waived</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="28"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="43"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/staff_settlement_dialog.ui" line="50"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>StandardizingPage</name>
    <message>
        <location filename="../../ui/standardizing_page.ui" line="5"/>
        <source>照片标准化</source>
        <translation>Standardization</translation>
    </message>
    <message>
        <location filename="../../ui/standardizing_page.ui" line="12"/>
        <source>正在生成标准照</source>
        <translation>Making your standard photo</translation>
    </message>
    <message>
        <location filename="../../ui/standardizing_page.ui" line="20"/>
        <source>正在检测人脸、替换背景、裁剪尺寸，请稍候……</source>
        <translation>Finding the face, replacing the background, cropping… please wait.</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../../ui/status_page.ui" line="5"/>
        <location filename="../../ui/status_page.ui" line="9"/>
        <source>查询结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/status_page.ui" line="66"/>
        <source>保存到U盘</source>
        <translation>Save to USB</translation>
    </message>
    <message>
        <location filename="../../ui/status_page.ui" line="73"/>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="136"/>
        <source>打印排版照</source>
        <translation>Print photo sheet</translation>
    </message>
    <message>
        <location filename="../../ui/status_page.ui" line="80"/>
        <source>全屏查看</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../ui/status_page.ui" line="105"/>
        <source>免费重拍</source>
        <translation>Retake for free</translation>
    </message>
    <message>
        <location filename="../../ui/status_page.ui" line="112"/>
        <source>开始采集</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/status_page.ui" line="119"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>StudentWording</name>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="20"/>
        <source>人脸</source>
        <translation>Face</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="21"/>
        <source>请一个人正对镜头拍摄</source>
        <translation>Please be photographed alone, facing the camera.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="22"/>
        <source>拍摄距离</source>
        <translation>Distance to the camera</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="23"/>
        <source>请按工作人员的提示调整距离</source>
        <translation>Please move closer or further back as the staff direct.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="24"/>
        <source>头部倾斜</source>
        <translation>Head tilt</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="25"/>
        <source>请把头摆正，不要歪头</source>
        <translation>Please hold your head straight, not tilted.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="26"/>
        <source>头部转向</source>
        <translation>Head turn</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="27"/>
        <source>请正对镜头，不要侧脸</source>
        <translation>Please face the camera directly, not turned to the side.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="28"/>
        <source>抬头或低头</source>
        <translation>Head raised or bowed</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="29"/>
        <source>请平视镜头</source>
        <translation>Please look straight into the camera.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="30"/>
        <source>双肩</source>
        <translation>Shoulders</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="31"/>
        <source>请放松双肩，保持水平</source>
        <translation>Please relax your shoulders and keep them level.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="32"/>
        <source>眼睛</source>
        <translation>Eyes</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="33"/>
        <source>请自然睁开眼睛</source>
        <translation>Please keep your eyes naturally open.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="34"/>
        <source>嘴部</source>
        <translation>Mouth</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="35"/>
        <source>请自然闭嘴，不要露齿</source>
        <translation>Please close your lips naturally, without showing your teeth.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="36"/>
        <source>脸部光线</source>
        <translation>Light on the face</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="37"/>
        <source>脸部左右光线不均匀，工作人员会调整灯光</source>
        <translation>One side of your face is darker than the other. The staff will adjust the lights.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="38"/>
        <source>曝光</source>
        <translation>Exposure</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="39"/>
        <source>照片亮度不合适，工作人员会调整灯光</source>
        <translation>The photo is too dark or too bright. The staff will adjust the lights.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="40"/>
        <source>清晰度</source>
        <translation>Sharpness</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="41"/>
        <source>照片模糊，请保持不动</source>
        <translation>The photo is blurred. Please hold still.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="42"/>
        <source>红眼</source>
        <translation>Red eyes</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="43"/>
        <source>照片有红眼，请重拍</source>
        <translation>Your eyes look red in the photo. Please retake it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="44"/>
        <source>背景</source>
        <translation>Background</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="45"/>
        <source>背景不干净，请站在纯色墙前，身后不要有人或物品</source>
        <translation>The background is not clean. Please stand in front of the plain wall, with no one and nothing behind you.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="46"/>
        <source>衣服</source>
        <translation>Clothing</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="47"/>
        <source>衣服不宜为蓝色或有复杂图案，请穿素色衣服</source>
        <translation>Clothing should not be blue or busily patterned. Plain clothes work best.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="48"/>
        <source>眼镜镜片</source>
        <translation>Glasses lenses</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="49"/>
        <source>眼睛被遮挡或镜片可能有颜色，请摘下有色眼镜</source>
        <translation>Your eyes may be covered or your lenses tinted. Please take off tinted glasses.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="50"/>
        <source>眼镜反光</source>
        <translation>Glare on glasses</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="51"/>
        <source>眼镜反光，请稍微调整眼镜角度</source>
        <translation>Your glasses reflect the light. Please tilt them slightly.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="52"/>
        <source>额头、眉毛和耳朵</source>
        <translation>Forehead, eyebrows and ears</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="53"/>
        <source>请露出额头、眉毛和双耳，不要让头发遮挡</source>
        <translation>Please keep your forehead, eyebrows and both ears free of hair.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="54"/>
        <source>帽子或头饰</source>
        <translation>Hat or headwear</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="55"/>
        <source>可能戴有帽子或头饰，请摘下（宗教或医疗原因请工作人员确认）</source>
        <translation>You may be wearing a hat or headwear. Please take it off (for religious or medical reasons, the staff will confirm).</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="57"/>
        <source>饰品</source>
        <translation>Jewellery</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="58"/>
        <source>可能戴有耳环或项链，请摘下</source>
        <translation>You may be wearing earrings or a necklace. Please take them off.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="59"/>
        <source>美颜</source>
        <translation>Beauty filter</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="60"/>
        <source>皮肤过于平滑，可能使用了美颜，工作人员会查看</source>
        <translation>The skin looks smoothed, as by a beauty filter. The staff will look at it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="71"/>
        <source>未检测到人脸，请正对镜头，确保面部清晰可见</source>
        <translation>No face found. Please look straight into the camera, with your face clearly visible.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="74"/>
        <source>画面中有多个人，请确保只有本人入镜</source>
        <translation>More than one person is in the picture. Please make sure only you are in it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="76"/>
        <source>脸部不完整，请站到画面中央</source>
        <translation>Your face is cut off. Please stand in the middle of the picture.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="78"/>
        <source>头部歪斜，请把头摆正、双肩放平</source>
        <translation>Your head is tilted. Please hold your head straight and your shoulders level.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="80"/>
        <source>脸部没有正对镜头，请正视前方</source>
        <translation>Your face is turned away. Please look straight ahead.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="83"/>
        <source>离镜头太远或照片分辨率不足，请靠近一些重新拍摄</source>
        <translation>You are too far from the camera. Please come a little closer and retake.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="85"/>
        <source>背景不是纯色，请在纯色背景前拍摄</source>
        <translation>The background is not plain. Please stand in front of the plain wall.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="87"/>
        <source>头顶不完整，请让头顶上方留出空间</source>
        <translation>The top of your head is cut off. Please leave room above your head.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="89"/>
        <source>无法准确分辨头发与背景，请换用与头发颜色差别更大的背景</source>
        <translation>Your hair cannot be told apart from the background. The staff will use a background of a more different colour.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="92"/>
        <source>头部比例不符合要求，请调整距离后重新拍摄</source>
        <translation>Your head does not fit the photo&apos;s proportions. Please adjust your distance and retake.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="95"/>
        <source>画面没有拍到胸部，请后退一些，拍到胸部以上</source>
        <translation>Your chest is not in the picture. Please step back a little so that you are seen down to the chest.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="97"/>
        <source>肩部和上身不完整，请穿与背景颜色不同的衣服并拍到胸部以上</source>
        <translation>Your shoulders and upper body are not complete. Clothes of a colour different from the background help; please be seen down to the chest.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="100"/>
        <source>身体被画面边缘截断，请站到画面中央</source>
        <translation>You are cut off at the side. Please stand in the middle of the picture.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="102"/>
        <source>无法把照片压缩到规定的文件大小</source>
        <translation>The photo cannot be saved at the required file size. The staff will look at it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="105"/>
        <source>背景底板照片与拍摄照片尺寸不同，请重新采集背景</source>
        <translation>The empty background photo has a different size. The staff will take the background photo again.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="106"/>
        <source>不是 JPEG 照片文件</source>
        <translation>This is not a JPEG photo file.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="107"/>
        <source>照片尺寸不符合要求</source>
        <translation>The photo does not have the required size in pixels.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="108"/>
        <source>照片不是 24 位彩色</source>
        <translation>The photo is not a 24-bit colour photo.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="109"/>
        <source>照片编码方式不符合要求</source>
        <translation>The photo is not encoded the required way (baseline JPEG).</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="110"/>
        <source>照片分辨率（dpi）不符合要求</source>
        <translation>The photo&apos;s resolution (dpi) is not as required.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="112"/>
        <source>照片文件大小不符合要求</source>
        <translation>The photo&apos;s file size is not as required.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="113"/>
        <source>照片压缩质量过低</source>
        <translation>The photo&apos;s compression quality is too low.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="114"/>
        <source>背景颜色不符合要求</source>
        <translation>The background colour is not as required.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="116"/>
        <source>背景不均匀（有渐变、阴影或杂物）</source>
        <translation>The background is not even (a gradient, shadows or objects).</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="118"/>
        <source>头顶位置不符合要求</source>
        <translation>The top of the head is not where the photo needs it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="120"/>
        <source>眼睛位置不符合要求</source>
        <translation>The eyes are not at the height the photo needs.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="122"/>
        <source>脸部大小不符合要求</source>
        <translation>The face is not the size the photo needs.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="123"/>
        <source>人像没有水平居中</source>
        <translation>You are not in the middle of the photo.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="145"/>
        <source>未检测到人脸，请正对镜头</source>
        <translation>No face found. Please look straight into the camera.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="146"/>
        <source>画面中有其他人，请单独拍摄</source>
        <translation>Another person is in the picture. Please be photographed alone.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="147"/>
        <source>背景中可能有其他人脸，工作人员会查看</source>
        <translation>There may be another face in the background. The staff will look at it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="149"/>
        <source>离镜头太远，请靠近一些</source>
        <translation>Too far from the camera. Please come a little closer.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="151"/>
        <source>离镜头太近或不在画面中间，请后退一些并站到中间</source>
        <translation>Too close or off centre. Please step back a little and stand in the middle.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="153"/>
        <source>请稍微抬头，平视镜头</source>
        <translation>Please raise your chin a little and look straight into the camera.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="154"/>
        <source>请稍微低头，平视镜头</source>
        <translation>Please lower your chin a little and look straight into the camera.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="156"/>
        <source>照片太暗，工作人员会增加灯光</source>
        <translation>The photo is too dark. The staff will add light.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="158"/>
        <source>照片太亮，工作人员会减弱灯光</source>
        <translation>The photo is too bright. The staff will reduce the light.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="160"/>
        <source>照片噪点或压缩痕迹过多，请重拍</source>
        <translation>The photo is grainy or over-compressed. Please retake it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="162"/>
        <source>背景上有阴影，请离背景墙远一点</source>
        <translation>There is a shadow on the backdrop: please stand a little further from the wall</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="164"/>
        <source>背景太暗，工作人员会检查背景和灯光</source>
        <translation>The background is too dark: the staff will check the backdrop and the lights</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="166"/>
        <source>请穿有领上衣：无袖、吊带或低胸衣服不符合要求（请工作人员确认）</source>
        <translation>Please wear a collared top: sleeveless, strapped or low-cut tops are not accepted (staff will check)</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="172"/>
        <source>眼睛看不清楚，工作人员会查看</source>
        <translation>Your eyes cannot be seen clearly. The staff will look at it.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="192"/>
        <source>%1：通过</source>
        <translation>%1: passed</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_wording.cpp" line="194"/>
        <source>%1：无法自动判断，工作人员会查看</source>
        <translation>%1: could not be checked automatically; the staff will look at it.</translation>
    </message>
</context>
<context>
    <name>SubmittedPage</name>
    <message>
        <location filename="../../ui/submitted_page.ui" line="5"/>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/submitted_page.ui" line="12"/>
        <source>照片已提交</source>
        <translation>Photo submitted</translation>
    </message>
    <message>
        <location filename="../../ui/submitted_page.ui" line="49"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../ui/verify_page.ui" line="5"/>
        <location filename="../../ui/verify_page.ui" line="9"/>
        <source>核验学籍信息</source>
        <translation>Verify your record</translation>
    </message>
    <message>
        <location filename="../../ui/verify_page.ui" line="27"/>
        <source>请输入本人身份证号后四位（最后一位可能是 X）</source>
        <translation>Enter the last four characters of your ID number (the last may be X)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_page.ui" line="123"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/verify_page.ui" line="131"/>
        <source>确认</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome_page.ui" line="5"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.ui" line="12"/>
        <source>毕业生学历证书电子注册图像采集</source>
        <translation>Graduation photo for degree registration</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.ui" line="20"/>
        <source>学信网图像采集 · 校内拍照点</source>
        <translation>CHSI photo collection · campus booth</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.ui" line="44"/>
        <source>开始采集</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.ui" line="51"/>
        <source>查询审核结果</source>
        <translation>Check my result</translation>
    </message>
</context>
<context>
    <name>gradphoto::kiosk::KioskWindow</name>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1077"/>
        <source>这张照片很可能无法通过审核：%1。请点“重拍”；如确需提交，请工作人员确认。</source>
        <translation>This photo will very likely not pass review. %1 Tap &quot;Retake&quot;; if it must be submitted as it is, ask the staff to confirm.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1079"/>
        <source>；</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1082"/>
        <source>标准照已生成（480×640，蓝色背景）。标有 ! 或 ? 的项目将由工作人员在审核时查看。请确认后点“提交”，或点“重拍”。</source>
        <translation>Your standard photo is ready (480×640, blue background). The staff will look at the items marked ! or ? during review. Tap &quot;Submit&quot; if it is right, or &quot;Retake&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="567"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="524"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="568"/>
        <source>请选择操作。</source>
        <translation>Choose an action.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="569"/>
        <source>员工后台</source>
        <translation>Staff console</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="570"/>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="572"/>
        <source>退出全屏</source>
        <translation>Leave full screen</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="572"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="573"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="698"/>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="973"/>
        <source>%1 元</source>
        <translation>CNY %1</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="707"/>
        <source>未检测到人脸：请正对镜头</source>
        <translation>No face found: face the camera</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="710"/>
        <source>画面中有多人：请其他人离开画面</source>
        <translation>More than one person: others please step out</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="713"/>
        <source>请靠近一些</source>
        <translation>Come a little closer</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="716"/>
        <source>请后退一些</source>
        <translation>Step back a little</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="719"/>
        <source>请向左移动一点</source>
        <translation>Move a little to your left</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="722"/>
        <source>请向右移动一点</source>
        <translation>Move a little to your right</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="725"/>
        <source>请把相机放低一些</source>
        <translation>Lower the camera a little</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="728"/>
        <source>请把相机抬高一些</source>
        <translation>Raise the camera a little</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="731"/>
        <source>请摆正头部，不要歪头</source>
        <translation>Keep your head straight</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="734"/>
        <source>脸部光线不均匀，请调整灯光</source>
        <translation>Uneven light on the face: adjust the lights</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="737"/>
        <source>光线太暗，请打开补光灯</source>
        <translation>Too dark: switch on the lights</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="748"/>
        <source>摄像头未连接
正在自动重新连接，请稍候；如长时间无画面，请联系工作人员。</source>
        <translation>Camera not connected
Reconnecting automatically; if no picture appears, ask the staff.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="821"/>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="821"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="821"/>
        <source>支付</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="822"/>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1043"/>
        <source>拍照</source>
        <translation>Shoot</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="822"/>
        <source>确认</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="822"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="854"/>
        <source>网络：在线</source>
        <translation>Network: online</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="857"/>
        <source>网络：离线</source>
        <translation>Network: offline</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="860"/>
        <source>网络：未知</source>
        <translation>Network: unknown</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="863"/>
        <source>摄像头：正常</source>
        <translation>Camera: OK</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="863"/>
        <source>摄像头：未连接</source>
        <translation>Camera: not connected</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="864"/>
        <source>拍照点 %1 · %2 · %3</source>
        <translation>Booth %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="881"/>
        <source>您还在吗？
%1 秒后将退出并清除您的信息。</source>
        <translation>Are you still there?
In %1 s the session ends and your data is cleared.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="882"/>
        <source>继续操作</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="899"/>
        <source>&lt;b&gt;姓名：&lt;/b&gt;%1&lt;br&gt;&lt;b&gt;学号：&lt;/b&gt;%2&lt;br&gt;&lt;b&gt;身份证号：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;院系：&lt;/b&gt;%4&lt;br&gt;&lt;b&gt;专业：&lt;/b&gt;%5 · %6</source>
        <translation>&lt;b&gt;Name: &lt;/b&gt;%1&lt;br&gt;&lt;b&gt;Student no.: &lt;/b&gt;%2&lt;br&gt;&lt;b&gt;ID number: &lt;/b&gt;%3&lt;br&gt;&lt;b&gt;Department: &lt;/b&gt;%4&lt;br&gt;&lt;b&gt;Major: &lt;/b&gt;%5 · %6</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="914"/>
        <source>拍照、标准化、提交审核，一站完成。
服务费 %1，审核未通过可免费重拍。</source>
        <translation>Photo, standardization and submission in one place.
Fee %1; a rejected photo is retaken for free.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="921"/>
        <source>查询审核结果：扫描学信网图像采集码</source>
        <translation>Check my result: scan your CHSI code</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="922"/>
        <source>第1步  扫描学信网图像采集码</source>
        <translation>Step 1  Scan your CHSI photo collection code</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="926"/>
        <source>示例采集码 %1</source>
        <translation>Sample code %1</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="928"/>
        <source>正在查询学籍信息，请稍候…</source>
        <translation>Looking up your student record, please wait…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="930"/>
        <source>本机当前离线，可能无法查询学籍，请联系工作人员。</source>
        <translation>This booth is offline and may not find your record; ask the staff.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="933"/>
        <source>截图往往无法识别：请在 App 内保存图片后点“从 U 盘或共享文件夹选择采集码图片”，或使用扫码枪。</source>
        <translation>Screenshots often cannot be read: save the image in the app, then tap “Pick the code picture from a USB stick or shared folder”, or use the scanner.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="948"/>
        <source>&lt;b&gt;采集资格&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;%2&lt;br&gt;&lt;br&gt;采集项目：学历证书电子注册图像&lt;br&gt;状态：&lt;span style=&apos;color:#2e7d32&apos;&gt;可采集&lt;/span&gt;</source>
        <translation>&lt;b&gt;Your collection&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;%2&lt;br&gt;&lt;br&gt;Item: degree certificate registration photo&lt;br&gt;Status: &lt;span style=&apos;color:#2e7d32&apos;&gt;open&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="953"/>
        <source>&lt;b&gt;服务内容&lt;/b&gt;&lt;br&gt;· 现场拍摄（工作人员后置摄像头拍摄）&lt;br&gt;· 照片标准化（蓝色背景、480×640 像素）&lt;br&gt;· 提交学校审核，约两个工作日&lt;br&gt;· 审核未通过可免费重拍</source>
        <translation>&lt;b&gt;What the fee covers&lt;/b&gt;&lt;br&gt;· The photo, taken here by the staff with the rear camera&lt;br&gt;· Standardization (blue background, 480×640 pixels)&lt;br&gt;· Review by the university, about two working days&lt;br&gt;· A free retake if the photo is rejected</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="956"/>
        <source>费用：%1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="957"/>
        <source>进入拍照</source>
        <translation>Go to the photo</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="958"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="959"/>
        <source>去支付</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="964"/>
        <source>本机当前离线，暂时无法扫码支付。请联系工作人员确认现金支付或免费。</source>
        <translation>This kiosk is offline: paying by QR code is not possible now. Ask the staff to confirm a cash payment or a waiver.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="972"/>
        <source>应付：%1</source>
        <translation>To pay: %1</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="978"/>
        <source>请在 %1:%2 内完成支付，超时订单将自动关闭</source>
        <translation>Please pay within %1:%2; the order closes after that</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="984"/>
        <source>本机当前离线，无法确认支付结果。请联系工作人员现金支付或稍后再试。</source>
        <translation>This booth is offline and cannot confirm payments. Pay cash with the staff or try later.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="991"/>
        <source>&lt;b&gt;① 背景与光线&lt;/b&gt;&lt;br&gt;白墙前约 1 米，光线均匀，脸上无阴影、无阴阳脸</source>
        <translation>&lt;b&gt;① Background and light&lt;/b&gt;&lt;br&gt;About 1 m in front of a white wall, even light, no shadows on the face</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="992"/>
        <source>&lt;b&gt;② 姿势&lt;/b&gt;&lt;br&gt;半身到胸部，正对镜头，双肩放平，表情自然，双眼睁开，嘴唇闭合</source>
        <translation>&lt;b&gt;② Pose&lt;/b&gt;&lt;br&gt;Chest up, face the camera, shoulders level, relaxed, eyes open, lips closed</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="993"/>
        <source>&lt;b&gt;③ 露出五官&lt;/b&gt;&lt;br&gt;露出双耳和额头，头发不遮挡眉毛和眼睛</source>
        <translation>&lt;b&gt;③ Show your face&lt;/b&gt;&lt;br&gt;Ears and forehead visible; hair must not cover eyebrows or eyes</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="994"/>
        <source>&lt;b&gt;④ 眼镜与饰品&lt;/b&gt;&lt;br&gt;不戴帽子、耳环、项链；常戴眼镜可戴，不可戴有色眼镜</source>
        <translation>&lt;b&gt;④ Glasses and jewellery&lt;/b&gt;&lt;br&gt;No hats, earrings or necklaces; everyday glasses are fine, never tinted ones</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="995"/>
        <source>&lt;b&gt;⑤ 服装&lt;/b&gt;&lt;br&gt;有领素色正装；&lt;span style=&apos;color:#c62828&apos;&gt;不要穿蓝色衣服&lt;/span&gt;，不穿无袖、吊带、低领</source>
        <translation>&lt;b&gt;⑤ Clothing&lt;/b&gt;&lt;br&gt;Plain collared formal wear; &lt;span style=&apos;color:#c62828&apos;&gt;no blue clothes&lt;/span&gt;, no sleeveless, straps or low necklines</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="998"/>
        <source>&lt;b&gt;⑥ 真实&lt;/b&gt;&lt;br&gt;不化妆、不美颜、不戴彩色隐形眼镜</source>
        <translation>&lt;b&gt;⑥ As you are&lt;/b&gt;&lt;br&gt;No makeup, no beauty filters, no coloured contact lenses</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1032"/>
        <source>可以拍照，再调整一下会更好：</source>
        <translation>Ready; to make it even better:</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1025"/>
        <source>摄像头未连接</source>
        <translation>Camera not connected</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1105"/>
        <source>✓ 其余 %n 项检查通过</source>
        <translation>
            <numerusform>✓ The other check passed</numerusform>
            <numerusform>✓ The other %n checks passed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1027"/>
        <source>很好，保持不动</source>
        <translation>Good, hold still</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1036"/>
        <source>正在分析画面…</source>
        <translation>Analysing the picture…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1060"/>
        <source>未能生成标准照</source>
        <translation>No standard photo</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1087"/>
        <source>标准照已生成（480×640，蓝色背景）。请确认后点“提交”，或点“重拍”。</source>
        <translation>Your standard photo is ready (480×640, blue background). Tap &quot;Submit&quot; if it is right, or &quot;Retake&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1075"/>
        <source>这张照片无法生成合格的标准照，原因如下。请点“重拍”。</source>
        <translation>This photo cannot give a compliant standard photo, for the reasons below. Please tap &quot;Retake&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1118"/>
        <source>正在核对并提交…</source>
        <translation>Checking and submitting…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1132"/>
        <source>排队号 %1</source>
        <translation>Queue number %1</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1134"/>
        <source>审核约需两个工作日。审核期间如需修改，请联系工作人员。
之后可在本机首页点“查询审核结果”并扫描采集码查看结果；审核未通过可免费重拍。</source>
        <translation>The review takes about two working days; to change anything meanwhile, ask the staff.
To see the result, tap &quot;Check my result&quot; on the start page and scan your code; a rejected photo can be retaken for free.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1137"/>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1207"/>
        <source>%1 秒后自动返回首页</source>
        <translation>Back to the start in %1 s</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1149"/>
        <source>暂无提交记录</source>
        <translation>No submission yet</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1151"/>
        <source>您还没有在本机提交过照片，可以现在开始采集。</source>
        <translation>You have not submitted a photo here yet; you can start now.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1154"/>
        <source>审核中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1156"/>
        <source>排队号 %1。审核约需两个工作日，请耐心等待；如需修改信息或更换照片，请联系工作人员。</source>
        <translation>Queue number %1. The review takes about two working days; to correct data or replace the photo, ask the staff.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1162"/>
        <source>审核未通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1164"/>
        <source>原因：%1
请尽快重拍，重拍免费。</source>
        <translation>Reason: %1
Please retake soon; the retake is free.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1168"/>
        <source>审核通过（采集完成）</source>
        <translation>Approved (collection complete)</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1172"/>
        <source>照片已通过审核，不能再更改。可在下方保存、打印或查看标准照和排版照。</source>
        <translation>Your photo is approved and can no longer be changed. Save, print or view the standard photo and the photo sheet below.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1174"/>
        <source>照片已通过审核，不能再更改。标准照和排版照可请工作人员打印或拷贝。</source>
        <translation>Your photo was approved and can no longer change. Ask the staff to print or copy the standard photo or the layout sheet.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1193"/>
        <source>&lt;b&gt;常见问题&lt;/b&gt;&lt;br&gt;· 采集码扫不出来？请勿使用截图，在学信网 App 内保存图片后请工作人员识别。&lt;br&gt;· 身份证号后四位输错？可重新输入，连续 5 次错误将锁定，请联系工作人员解锁。&lt;br&gt;· 审核要多久？约两个工作日。&lt;br&gt;· 审核未通过怎么办？尽快回到本机重拍，重拍免费。&lt;br&gt;· 审核通过后还能改吗？不能，采集完成后照片不可更改。</source>
        <translation>&lt;b&gt;Frequently asked&lt;/b&gt;&lt;br&gt;· The code will not scan? Do not use a screenshot: save the image in the CHSI app and ask the staff to read it.&lt;br&gt;· Wrong ID digits? Enter them again; after 5 wrong entries the record is locked until the staff unlock it.&lt;br&gt;· How long is the review? About two working days.&lt;br&gt;· Rejected? Come back soon and retake, free of charge.&lt;br&gt;· Can an approved photo change? No: once approved it is final.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1200"/>
        <source>请向身边的工作人员咨询</source>
        <translation>Please ask the staff nearby</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/kiosk_window.cpp" line="1201"/>
        <source>客服电话：%1</source>
        <translation>Help line: %1</translation>
    </message>
</context>
<context>
    <name>gradphoto::kiosk::PhotoPickerPage</name>
    <message>
        <location filename="../../src/kiosk/photo_picker_page.cpp" line="224"/>
        <source>正在读取图片…</source>
        <translation>Reading the pictures…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/photo_picker_page.cpp" line="188"/>
        <source>找不到“%1”：U 盘可能已拔出，或共享文件夹已断开。请重新插入 U 盘，或请工作人员检查共享文件夹，然后点“刷新”。</source>
        <translation>“%1” is gone: the USB stick may have been pulled out, or the shared folder disconnected. Insert the stick again or ask the staff to check the shared folder, then tap “Refresh”.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/photo_picker_page.cpp" line="193"/>
        <source>没有找到图片。请插入存有采集码图片的 U 盘，或请工作人员把图片放入共享文件夹，然后点“刷新”。</source>
        <translation>No pictures found. Insert a USB stick with the picture of your code, or ask the staff to put it into the shared folder, then tap “Refresh”.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/photo_picker_page.cpp" line="237"/>
        <source>正在识别…</source>
        <translation>Reading the code…</translation>
    </message>
</context>
<context>
    <name>gradphoto::kiosk::QtCamera</name>
    <message>
        <location filename="../../src/kiosk/qt_camera.cpp" line="48"/>
        <source>无摄像头</source>
        <translation>No camera</translation>
    </message>
</context>
<context>
    <name>gradphoto::kiosk::ReplayCamera</name>
    <message>
        <location filename="../../src/kiosk/replay_camera.cpp" line="22"/>
        <source>回放 %1（%2 张）</source>
        <translation>Replay %1 (%2 images)</translation>
    </message>
</context>
<context>
    <name>gradphoto::kiosk::StaffSettlementDialog</name>
    <message>
        <location filename="../../src/kiosk/staff_settlement_dialog.cpp" line="13"/>
        <source>工作人员确认提交</source>
        <translation>Staff confirm and submit</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/staff_settlement_dialog.cpp" line="14"/>
        <source>未通过的检查：%1。照片很可能无法通过审核。工作人员确认后仍可提交，工号和未通过的检查会记录在审计日志中。</source>
        <translation>Failed checks: %1. The photo will very likely not pass review. A staff member may still submit it; the staff number and the failed checks are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/staff_settlement_dialog.cpp" line="16"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../src/kiosk/staff_settlement_dialog.cpp" line="21"/>
        <source>确认提交</source>
        <translation>Confirm and submit</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/staff_settlement_dialog.cpp" line="23"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/staff_settlement_dialog.cpp" line="25"/>
        <source>请输入工号和 PIN 打开工作人员菜单（员工后台、退出程序）。每次打开都会记录在审计日志中。</source>
        <translation>Enter your staff number and PIN to open the staff menu (staff console, quit). Every opening is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/staff_settlement_dialog.cpp" line="31"/>
        <source>打开菜单</source>
        <translation>Open menu</translation>
    </message>
</context>
<context>
    <name>gradphoto::kiosk::StudentCopyOffer</name>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="135"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="190"/>
        <source>正在保存到U盘，请勿拔出……</source>
        <translation>Saving to the USB stick, do not remove it…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="196"/>
        <source>已保存到U盘的“%1”文件夹（标准照和排版照）。请等待几秒后再拔出U盘。</source>
        <translation>Saved to the folder &quot;%1&quot; on the USB stick (standard photo and photo sheet). Wait a few seconds before removing the stick.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="203"/>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="226"/>
        <source>正在打印排版照，请稍候……</source>
        <translation>Printing the photo sheet, please wait…</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="240"/>
        <source>排版照已发送到打印机，请在出纸口取照片。</source>
        <translation>The photo sheet was sent to the printer. Take it from the paper tray.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="242"/>
        <source>打印失败：%1 请联系工作人员。</source>
        <translation>Printing failed: %1 Please ask the staff.</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/student_copy_offer.cpp" line="254"/>
        <source>可用手机拍下此照片 · 轻触屏幕关闭</source>
        <translation>Photograph this picture with your phone · tap to close</translation>
    </message>
</context>
<context>
    <name>gradphoto::kiosk::UsbStickChooser</name>
    <message>
        <location filename="../../src/kiosk/usb_stick_chooser.cpp" line="14"/>
        <source>选择U盘</source>
        <translation>Choose a USB stick</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/usb_stick_chooser.cpp" line="17"/>
        <source>检测到多个U盘，请选择要保存到哪一个：</source>
        <translation>Several USB sticks are plugged in. Choose the one to save to:</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/usb_stick_chooser.cpp" line="26"/>
        <source>可用空间未知</source>
        <translation>free space unknown</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/usb_stick_chooser.cpp" line="27"/>
        <source>可用 %1</source>
        <translation>%1 free</translation>
    </message>
    <message>
        <location filename="../../src/kiosk/usb_stick_chooser.cpp" line="34"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
