#include "check_wording.h"

#include <array>
#include <cmath>

namespace gradphoto::kiosk {

namespace {

// Per check id: its name (for "cannot tell") and what to do about it. The sources are Chinese, the
// kiosk's source language; the English lives in resources/translations/gradphoto_kiosk_en.ts.
// Checks whose direction matters (face_count, face_size, head_pitch, exposure) add their own
// texts in directionText().
struct Wording {
    const char* id;
    const char* name;
    const char* problem;
};

constexpr std::array kWordings = {
    Wording{"face_count", QT_TRANSLATE_NOOP("CheckWording", "人脸"),
            QT_TRANSLATE_NOOP("CheckWording", "请一个人正对镜头拍摄")},
    Wording{"face_size", QT_TRANSLATE_NOOP("CheckWording", "拍摄距离"),
            QT_TRANSLATE_NOOP("CheckWording", "请按工作人员的提示调整距离")},
    Wording{"head_roll", QT_TRANSLATE_NOOP("CheckWording", "头部倾斜"),
            QT_TRANSLATE_NOOP("CheckWording", "请把头摆正，不要歪头")},
    Wording{"head_yaw", QT_TRANSLATE_NOOP("CheckWording", "头部转向"),
            QT_TRANSLATE_NOOP("CheckWording", "请正对镜头，不要侧脸")},
    Wording{"head_pitch", QT_TRANSLATE_NOOP("CheckWording", "抬头或低头"),
            QT_TRANSLATE_NOOP("CheckWording", "请平视镜头")},
    Wording{"shoulders_level", QT_TRANSLATE_NOOP("CheckWording", "双肩"),
            QT_TRANSLATE_NOOP("CheckWording", "请放松双肩，保持水平")},
    Wording{"eyes_open", QT_TRANSLATE_NOOP("CheckWording", "眼睛"),
            QT_TRANSLATE_NOOP("CheckWording", "请自然睁开眼睛")},
    Wording{"mouth_closed", QT_TRANSLATE_NOOP("CheckWording", "嘴部"),
            QT_TRANSLATE_NOOP("CheckWording", "请自然闭嘴，不要露齿")},
    Wording{"face_lighting", QT_TRANSLATE_NOOP("CheckWording", "脸部光线"),
            QT_TRANSLATE_NOOP("CheckWording", "脸部左右光线不均匀，工作人员会调整灯光")},
    Wording{"exposure", QT_TRANSLATE_NOOP("CheckWording", "曝光"),
            QT_TRANSLATE_NOOP("CheckWording", "照片亮度不合适，工作人员会调整灯光")},
    Wording{"sharpness", QT_TRANSLATE_NOOP("CheckWording", "清晰度"),
            QT_TRANSLATE_NOOP("CheckWording", "照片模糊，请保持不动")},
    Wording{"red_eye", QT_TRANSLATE_NOOP("CheckWording", "红眼"),
            QT_TRANSLATE_NOOP("CheckWording", "照片有红眼，请重拍")},
    Wording{"background_uniform", QT_TRANSLATE_NOOP("CheckWording", "背景"),
            QT_TRANSLATE_NOOP("CheckWording", "背景不干净，请站在纯色墙前，身后不要有人或物品")},
    Wording{"clothing_contrast", QT_TRANSLATE_NOOP("CheckWording", "衣服"),
            QT_TRANSLATE_NOOP("CheckWording", "衣服不宜为蓝色或有复杂图案，请穿素色衣服")},
    Wording{"glasses_tint", QT_TRANSLATE_NOOP("CheckWording", "眼镜镜片"),
            QT_TRANSLATE_NOOP("CheckWording", "镜片可能有颜色，请摘下有色眼镜")},
    Wording{"glasses_glare", QT_TRANSLATE_NOOP("CheckWording", "眼镜反光"),
            QT_TRANSLATE_NOOP("CheckWording", "眼镜反光，请稍微调整眼镜角度")},
    Wording{"hair_covers_features", QT_TRANSLATE_NOOP("CheckWording", "额头、眉毛和耳朵"),
            QT_TRANSLATE_NOOP("CheckWording", "请露出额头、眉毛和双耳，不要让头发遮挡")},
    Wording{"headwear", QT_TRANSLATE_NOOP("CheckWording", "帽子或头饰"),
            QT_TRANSLATE_NOOP("CheckWording",
                              "可能戴有帽子或头饰，请摘下（宗教或医疗原因请工作人员确认）")},
    Wording{"jewellery", QT_TRANSLATE_NOOP("CheckWording", "饰品"),
            QT_TRANSLATE_NOOP("CheckWording", "可能戴有耳环或项链，请摘下")},
    Wording{"retouching", QT_TRANSLATE_NOOP("CheckWording", "美颜"),
            QT_TRANSLATE_NOOP("CheckWording", "皮肤过于平滑，可能使用了美颜，工作人员会查看")},
};

const Wording* wordingOf(const std::string& id) {
    for (const Wording& w : kWordings)
        if (id == w.id) return &w;
    return nullptr;
}

double numberAt(const nlohmann::json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_number()) return j[key].get<double>();
    return std::nan("");
}

// The checks that say which way to correct: from the measured value, not from message_en's words.
QString directionText(const CheckResult& c) {
    if (c.id == "face_count" && c.value.is_number()) {
        const double faces = c.value.get<double>();
        if (faces < 1) return CheckWording::tr("未检测到人脸，请正对镜头");
        if (c.status == CheckStatus::kFail) return CheckWording::tr("画面中有其他人，请单独拍摄");
        return CheckWording::tr("背景中可能有其他人脸，工作人员会查看");
    }
    if (c.id == "face_size" && c.status == CheckStatus::kFail) {
        const double room = numberAt(c.value, "room"), minRoom = numberAt(c.limit, "min_room");
        return std::isfinite(room) && std::isfinite(minRoom) && room < minRoom
                   ? CheckWording::tr("离镜头太近或不在画面中间，请后退一些并站到中间")
                   : CheckWording::tr("离镜头太远，请靠近一些");
    }
    if (c.id == "head_pitch" && c.value.is_number())
        return c.value.get<double>() > 0 ? CheckWording::tr("请稍微抬头，平视镜头")
                                         : CheckWording::tr("请稍微低头，平视镜头");
    if (c.id == "exposure") {
        // Too dark when the face (or, without a face, the frame) is below the middle of its
        // dark/bright limits; clipped highlights on a face of middle brightness are too bright.
        double mean = numberAt(c.value, "face_mean");
        double middle = 128;
        if (c.limit.is_object() && c.limit.contains("face_mean") &&
            c.limit["face_mean"].is_array() && c.limit["face_mean"].size() == 2)
            middle =
                (c.limit["face_mean"][0].get<double>() + c.limit["face_mean"][1].get<double>()) / 2;
        if (!std::isfinite(mean)) mean = numberAt(c.value, "image_mean");
        if (std::isfinite(mean))
            return mean < middle ? CheckWording::tr("照片太暗，工作人员会增加灯光")
                                 : CheckWording::tr("照片太亮，工作人员会减弱灯光");
    }
    return {};
}

}  // namespace

bool CheckWording::knows(const std::string& checkId) {
    return wordingOf(checkId) != nullptr;
}

QString CheckWording::forStudent(const CheckResult& check, const QString& language) {
    if (language != "en") return QString::fromStdString(check.message_zh);
    const Wording* w = wordingOf(check.id);
    if (!w)  // a check the kiosk does not know yet: its staff text is better than nothing
        return QString::fromStdString(check.message_en);
    if (check.status == CheckStatus::kPass) return tr("%1：通过").arg(tr(w->name));
    if (check.status == CheckStatus::kUnknown)
        return tr("%1：无法自动判断，工作人员会查看").arg(tr(w->name));
    const QString directed = directionText(check);
    return directed.isEmpty() ? tr(w->problem) : directed;
}

}  // namespace gradphoto::kiosk
