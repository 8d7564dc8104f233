#include "student_wording.h"

#include <array>

namespace gradphoto::kiosk {

namespace {

// Per check id: its name (for "cannot tell") and what to do about it. The sources are Chinese, the
// kiosk's source language; the English lives in resources/translations/gradphoto_kiosk_en.ts.
// Checks whose direction matters (face_count, face_size, head_pitch, exposure) add their own
// texts in directionText().
struct Wording {
    const char* key;  // the check id
    const char* name;
    const char* problem;
};

constexpr std::array kWordings = {
    Wording{"face_count", QT_TRANSLATE_NOOP("StudentWording", "人脸"),
            QT_TRANSLATE_NOOP("StudentWording", "请一个人正对镜头拍摄")},
    Wording{"face_size", QT_TRANSLATE_NOOP("StudentWording", "拍摄距离"),
            QT_TRANSLATE_NOOP("StudentWording", "请按工作人员的提示调整距离")},
    Wording{"head_roll", QT_TRANSLATE_NOOP("StudentWording", "头部倾斜"),
            QT_TRANSLATE_NOOP("StudentWording", "请把头摆正，不要歪头")},
    Wording{"head_yaw", QT_TRANSLATE_NOOP("StudentWording", "头部转向"),
            QT_TRANSLATE_NOOP("StudentWording", "请正对镜头，不要侧脸")},
    Wording{"head_pitch", QT_TRANSLATE_NOOP("StudentWording", "抬头或低头"),
            QT_TRANSLATE_NOOP("StudentWording", "请平视镜头")},
    Wording{"shoulders_level", QT_TRANSLATE_NOOP("StudentWording", "双肩"),
            QT_TRANSLATE_NOOP("StudentWording", "请放松双肩，保持水平")},
    Wording{"eyes_open", QT_TRANSLATE_NOOP("StudentWording", "眼睛"),
            QT_TRANSLATE_NOOP("StudentWording", "请自然睁开眼睛")},
    Wording{"mouth_closed", QT_TRANSLATE_NOOP("StudentWording", "嘴部"),
            QT_TRANSLATE_NOOP("StudentWording", "请自然闭嘴，不要露齿")},
    Wording{"face_lighting", QT_TRANSLATE_NOOP("StudentWording", "脸部光线"),
            QT_TRANSLATE_NOOP("StudentWording", "脸部左右光线不均匀，工作人员会调整灯光")},
    Wording{"exposure", QT_TRANSLATE_NOOP("StudentWording", "曝光"),
            QT_TRANSLATE_NOOP("StudentWording", "照片亮度不合适，工作人员会调整灯光")},
    Wording{"sharpness", QT_TRANSLATE_NOOP("StudentWording", "清晰度"),
            QT_TRANSLATE_NOOP("StudentWording", "照片模糊，请保持不动")},
    Wording{"red_eye", QT_TRANSLATE_NOOP("StudentWording", "红眼"),
            QT_TRANSLATE_NOOP("StudentWording", "照片有红眼，请重拍")},
    Wording{"background_uniform", QT_TRANSLATE_NOOP("StudentWording", "背景"),
            QT_TRANSLATE_NOOP("StudentWording", "背景不干净，请站在纯色墙前，身后不要有人或物品")},
    Wording{"clothing_contrast", QT_TRANSLATE_NOOP("StudentWording", "衣服"),
            QT_TRANSLATE_NOOP("StudentWording", "衣服不宜为蓝色或有复杂图案，请穿素色衣服")},
    Wording{"glasses_tint", QT_TRANSLATE_NOOP("StudentWording", "眼镜镜片"),
            QT_TRANSLATE_NOOP("StudentWording", "眼睛被遮挡或镜片可能有颜色，请摘下有色眼镜")},
    Wording{"glasses_glare", QT_TRANSLATE_NOOP("StudentWording", "眼镜反光"),
            QT_TRANSLATE_NOOP("StudentWording", "眼镜反光，请稍微调整眼镜角度")},
    Wording{"hair_covers_features", QT_TRANSLATE_NOOP("StudentWording", "额头、眉毛和耳朵"),
            QT_TRANSLATE_NOOP("StudentWording", "请露出额头、眉毛和双耳，不要让头发遮挡")},
    Wording{"headwear", QT_TRANSLATE_NOOP("StudentWording", "帽子或头饰"),
            QT_TRANSLATE_NOOP("StudentWording",
                              "可能戴有帽子或头饰，请摘下（宗教或医疗原因请工作人员确认）")},
    Wording{"jewellery", QT_TRANSLATE_NOOP("StudentWording", "饰品"),
            QT_TRANSLATE_NOOP("StudentWording", "可能戴有耳环或项链，请摘下")},
    Wording{"retouching", QT_TRANSLATE_NOOP("StudentWording", "美颜"),
            QT_TRANSLATE_NOOP("StudentWording", "皮肤过于平滑，可能使用了美颜，工作人员会查看")},
};

// Per problem code of resources/imaging_messages.json (the standardizer's and the photo
// specification's problems): the Chinese is that file's student text, the key of the English.
struct ProblemWording {
    const char* key;  // the problem code
    const char* text;
};

constexpr std::array kProblemWordings = {
    ProblemWording{"no_face", QT_TRANSLATE_NOOP("StudentWording",
                                                "未检测到人脸，请正对镜头，确保面部清晰可见")},
    ProblemWording{"multiple_faces",
                   QT_TRANSLATE_NOOP("StudentWording", "画面中有多个人，请确保只有本人入镜")},
    ProblemWording{"face_cut_off",
                   QT_TRANSLATE_NOOP("StudentWording", "脸部不完整，请站到画面中央")},
    ProblemWording{"head_tilted",
                   QT_TRANSLATE_NOOP("StudentWording", "头部歪斜，请把头摆正、双肩放平")},
    ProblemWording{"face_turned",
                   QT_TRANSLATE_NOOP("StudentWording", "脸部没有正对镜头，请正视前方")},
    ProblemWording{
        "too_small",
        QT_TRANSLATE_NOOP("StudentWording", "离镜头太远或照片分辨率不足，请靠近一些重新拍摄")},
    ProblemWording{"background_cluttered",
                   QT_TRANSLATE_NOOP("StudentWording", "背景不是纯色，请在纯色背景前拍摄")},
    ProblemWording{"head_cut_off",
                   QT_TRANSLATE_NOOP("StudentWording", "头顶不完整，请让头顶上方留出空间")},
    ProblemWording{"hair_line_lost",
                   QT_TRANSLATE_NOOP("StudentWording",
                                     "无法准确分辨头发与背景，请换用与头发颜色差别更大的背景")},
    ProblemWording{"geometry_impossible",
                   QT_TRANSLATE_NOOP("StudentWording", "头部比例不符合要求，请调整距离后重新拍摄")},
    ProblemWording{
        "shoulders_missing",
        QT_TRANSLATE_NOOP("StudentWording", "画面没有拍到胸部，请后退一些，拍到胸部以上")},
    ProblemWording{"torso_incomplete",
                   QT_TRANSLATE_NOOP("StudentWording",
                                     "肩部和上身不完整，请穿与背景颜色不同的衣服并拍到胸部以上")},
    ProblemWording{"person_cut_at_side",
                   QT_TRANSLATE_NOOP("StudentWording", "身体被画面边缘截断，请站到画面中央")},
    ProblemWording{"encode_size",
                   QT_TRANSLATE_NOOP("StudentWording", "无法把照片压缩到规定的文件大小")},
    ProblemWording{
        "plate_size_mismatch",
        QT_TRANSLATE_NOOP("StudentWording", "背景底板照片与拍摄照片尺寸不同，请重新采集背景")},
    ProblemWording{"not_jpeg", QT_TRANSLATE_NOOP("StudentWording", "不是 JPEG 照片文件")},
    ProblemWording{"size_wrong", QT_TRANSLATE_NOOP("StudentWording", "照片尺寸不符合要求")},
    ProblemWording{"not_colour", QT_TRANSLATE_NOOP("StudentWording", "照片不是 24 位彩色")},
    ProblemWording{"not_baseline", QT_TRANSLATE_NOOP("StudentWording", "照片编码方式不符合要求")},
    ProblemWording{"dpi_wrong", QT_TRANSLATE_NOOP("StudentWording", "照片分辨率（dpi）不符合要求")},
    ProblemWording{"bytes_out_of_range",
                   QT_TRANSLATE_NOOP("StudentWording", "照片文件大小不符合要求")},
    ProblemWording{"quality_low", QT_TRANSLATE_NOOP("StudentWording", "照片压缩质量过低")},
    ProblemWording{"background_colour", QT_TRANSLATE_NOOP("StudentWording", "背景颜色不符合要求")},
    ProblemWording{"background_not_uniform",
                   QT_TRANSLATE_NOOP("StudentWording", "背景不均匀（有渐变、阴影或杂物）")},
    ProblemWording{"head_top_out_of_range",
                   QT_TRANSLATE_NOOP("StudentWording", "头顶位置不符合要求")},
    ProblemWording{"eye_line_out_of_range",
                   QT_TRANSLATE_NOOP("StudentWording", "眼睛位置不符合要求")},
    ProblemWording{"face_width_out_of_range",
                   QT_TRANSLATE_NOOP("StudentWording", "脸部大小不符合要求")},
    ProblemWording{"off_centre", QT_TRANSLATE_NOOP("StudentWording", "人像没有水平居中")},
};

// The table's row for key, or null.
template <typename Row, std::size_t n>
const Row* rowOf(const std::array<Row, n>& table, const std::string& key) {
    for (const Row& row : table)
        if (key == row.key) return &row;
    return nullptr;
}

std::string stringAt(const nlohmann::json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
    return {};
}

// The checks that say which way to correct, from the direction the check puts in its value
// ("too", "cause"; tests/checks/correction_direction_test.cpp), never from message_en's words.
QString directionText(const CheckResult& c) {
    const std::string too = stringAt(c.value, "too");
    if (c.id == "face_count" && c.value.is_number()) {
        const double faces = c.value.get<double>();
        if (faces < 1) return StudentWording::tr("未检测到人脸，请正对镜头");
        if (c.status == CheckStatus::kFail) return StudentWording::tr("画面中有其他人，请单独拍摄");
        return StudentWording::tr("背景中可能有其他人脸，工作人员会查看");
    }
    if (c.id == "face_size" && too == "far") return StudentWording::tr("离镜头太远，请靠近一些");
    if (c.id == "face_size" && too == "near")
        return StudentWording::tr("离镜头太近或不在画面中间，请后退一些并站到中间");
    if (c.id == "head_pitch" && c.value.is_number())
        return c.value.get<double>() > 0 ? StudentWording::tr("请稍微抬头，平视镜头")
                                         : StudentWording::tr("请稍微低头，平视镜头");
    if (c.id == "exposure" && too == "dark")
        return StudentWording::tr("照片太暗，工作人员会增加灯光");
    if (c.id == "exposure" && too == "bright")
        return StudentWording::tr("照片太亮，工作人员会减弱灯光");
    if (c.id == "sharpness" && stringAt(c.value, "cause") == "noise")
        return StudentWording::tr("照片噪点或压缩痕迹过多，请重拍");
    if (c.id == "background_uniform" && stringAt(c.value, "cause") == "shadow")
        return StudentWording::tr("背景上有阴影，请离背景墙远一点");
    if (c.id == "background_uniform" && stringAt(c.value, "cause") == "dark_wall")
        return StudentWording::tr("背景太暗，工作人员会检查背景和灯光");
    if (c.id == "clothing_contrast" && stringAt(c.value, "cause") == "bare_skin")
        return StudentWording::tr("请穿有领上衣：无袖、吊带或低胸衣服不符合要求（请工作人员确认）");
    if (c.id == "eyes_open" && c.status == CheckStatus::kWarn && c.value.is_object() &&
        c.value.contains("iris") && c.value["iris"].is_array()) {
        // No iris seen in either eye: covered or too dark, not closed.
        bool seen = false;
        for (const auto& band : c.value["iris"]) seen = seen || !band.is_null();
        if (!seen) return StudentWording::tr("眼睛看不清楚，工作人员会查看");
    }
    return {};
}

}  // namespace

bool StudentWording::knowsCheck(const std::string& checkId) {
    return rowOf(kWordings, checkId) != nullptr;
}

bool StudentWording::knowsProblem(const std::string& code) {
    return rowOf(kProblemWordings, code) != nullptr;
}

QString StudentWording::check(const CheckResult& check, const QString& language) {
    if (language != "en") return QString::fromStdString(check.message_zh);
    const Wording* w = rowOf(kWordings, check.id);
    if (!w)  // a check the kiosk does not know yet: its staff text is better than nothing
        return QString::fromStdString(check.message_en);
    if (check.status == CheckStatus::kPass) return tr("%1：通过").arg(tr(w->name));
    if (check.status == CheckStatus::kUnknown)
        return tr("%1：无法自动判断，工作人员会查看").arg(tr(w->name));
    const QString directed = directionText(check);
    return directed.isEmpty() ? tr(w->problem) : directed;
}

QString StudentWording::problem(const Problem& problem, const QString& language) {
    if (language != "en") return QString::fromStdString(problem.message_zh);
    const ProblemWording* w = rowOf(kProblemWordings, problem.code);
    return w ? tr(w->text) : QString::fromStdString(problem.message_en);
}

}  // namespace gradphoto::kiosk
