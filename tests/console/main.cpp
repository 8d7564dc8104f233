// GoogleTest with a QApplication, offscreen unless the environment says otherwise.

#include <gtest/gtest.h>

#include <QApplication>

#include "kiosk_runtime.h"

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    gradphoto::kiosk::applyKioskLook();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
