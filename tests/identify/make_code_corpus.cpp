// Writes the generated decoding corpus to a folder: one PNG per case and manifest.json with the
// expected payload, format, size and distortion. Used by scripts/make-code-corpus.

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "code_corpus.h"
#include "test_support.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_code_corpus OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    const auto corpus = gradphoto::test::makeCodeCorpus(gradphoto::test::corpusImages("portraits"));
    nlohmann::ordered_json manifest = nlohmann::ordered_json::array();
    for (const auto& c : corpus) {
        const std::string file = c.name + ".png";
        if (!cv::imwrite((out / file).string(), c.frame)) {
            std::cerr << "make_code_corpus: cannot write " << (out / file) << '\n';
            return 3;
        }
        manifest.push_back({{"file", file},
                            {"payload", c.payload ? nlohmann::ordered_json(*c.payload) : nullptr},
                            {"format", c.format},
                            {"size", c.size},
                            {"distortion", c.distortion},
                            {"severe", c.severe}});
    }
    std::ofstream(out / "manifest.json") << manifest.dump(2) << '\n';
    std::cout << corpus.size() << " images in " << out.string() << '\n';
    return 0;
}
