#include "gradphoto/identify/student_resolver.h"

namespace gradphoto::identify {

Problem notFoundProblem() {
    return {"identify.not_found",
            "未找到与该采集码对应的学籍信息。请确认采集码属于本校本批次，或联系现场工作人员。",
            "No student record matches this collection code."};
}

Problem offlineProblem(const std::string& detail_en) {
    return {"identify.offline", "暂时无法连接学籍查询服务，请稍后再试，或联系现场工作人员。",
            "The student resolve service cannot be reached right now (" + detail_en +
                "); try again later."};
}

}  // namespace gradphoto::identify
