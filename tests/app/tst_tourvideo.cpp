// SPDX-License-Identifier: MIT
// Tour videos on the sample town: an H.264 MP4 of the tour's length read back with
// FFmpeg's demuxer and decoder (the camera moves between its first and last frames,
// the caption band is painted), nothing left behind when cancelled or refused, and
// the CLI's verb with its usage errors.
#include "CliRun.h"

#include "ProjectFile.h"
#include "generate/TownGenerator.h"
#include "video/TourVideo.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

using namespace tt;

namespace {

struct Probe {
    bool ok = false;
    AVCodecID codec = AV_CODEC_ID_NONE;
    int width = 0, height = 0, frames = 0;
    double seconds = 0.0;
    QImage first, last;
};

QImage toImage(const AVFrame *frame)
{
    QImage image(frame->width, frame->height, QImage::Format_RGB32);
    SwsContext *sws = sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), frame->width,
                                     frame->height, AV_PIX_FMT_BGRA, SWS_BILINEAR, nullptr, nullptr, nullptr);
    uint8_t *target[1] = {image.bits()};
    const int stride[1] = {int(image.bytesPerLine())};
    sws_scale(sws, frame->data, frame->linesize, 0, frame->height, target, stride);
    sws_freeContext(sws);
    return image;
}

//! Decodes every frame of the file's video stream.
Probe probe(const QString &path)
{
    Probe p;
    AVFormatContext *format = nullptr;
    if (avformat_open_input(&format, QFile::encodeName(path).constData(), nullptr, nullptr) < 0)
        return p;
    avformat_find_stream_info(format, nullptr);
    const int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index >= 0) {
        const AVStream *stream = format->streams[index];
        p.codec = stream->codecpar->codec_id;
        p.width = stream->codecpar->width;
        p.height = stream->codecpar->height;
        p.seconds = stream->duration * av_q2d(stream->time_base);
        const AVCodec *decoder = avcodec_find_decoder(p.codec);
        AVCodecContext *context = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(context, stream->codecpar);
        avcodec_open2(context, decoder, nullptr);
        AVPacket *packet = av_packet_alloc();
        AVFrame *frame = av_frame_alloc();
        const auto drain = [&] {
            while (avcodec_receive_frame(context, frame) == 0) {
                if (p.frames++ == 0)
                    p.first = toImage(frame);
                p.last = toImage(frame);
            }
        };
        while (av_read_frame(format, packet) >= 0) {
            if (packet->stream_index == index) {
                // A full decoder takes the packet only once its frames are out.
                while (avcodec_send_packet(context, packet) == AVERROR(EAGAIN))
                    drain();
                drain();
            }
            av_packet_unref(packet);
        }
        avcodec_send_packet(context, nullptr);
        drain();
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&context);
        p.ok = true;
    }
    avformat_close_input(&format);
    return p;
}

//! Share of pixels that differ clearly between two pictures of one size.
double changed(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); y += 2)
        for (int x = 0; x < a.width(); x += 2)
            n += qAbs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y))) > 24 ? 1 : 0;
    return double(n) / ((a.width() / 2) * (a.height() / 2));
}

} // namespace

class TestTourVideo : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Town m_town;
    QString m_project;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        m_town = TownGenerator::generate(1);
        // A short tour for the tests: the whole site, then a 1.2 s flight to the centre held 0.4 s.
        m_town.presentation.tours << Tour{QStringLiteral("Short"),
                                          {TourStop{QStringLiteral("Whole site"), 0.0, 0.4, QStringLiteral("Start")},
                                           TourStop{QStringLiteral("Town centre"), 1.2, 0.4, QStringLiteral("Centre")}}};
        m_project = path(QStringLiteral("town.gpkg"));
        QVERIFY(ProjectFile::save(m_town, m_project).ok);
    }

    void aTourBecomesAnH264VideoOfItsLength()
    {
        const QString file = path(QStringLiteral("short.mp4"));
        int calls = 0;
        const Status s = TourVideo::record(m_town, QStringLiteral("Short"), file, QSize(320, 240), 10, [&](int frame, int frames) {
            ++calls;
            return frame <= frames;
        });
        QVERIFY2(s.ok, qPrintable(s.message));
        QCOMPARE(calls, 20);  // 2.0 s at 10 frames a second
        QVERIFY(!QFile::exists(file + QStringLiteral(".part")));
        const Probe p = probe(file);
        QVERIFY(p.ok);
        QCOMPARE(p.codec, AV_CODEC_ID_H264);
        QCOMPARE(p.width, 320);
        QCOMPARE(p.height, 240);
        QCOMPARE(p.frames, 20);
        QVERIFY2(std::abs(p.seconds - 2.0) < 0.15, qPrintable(QString::number(p.seconds)));
        // The camera flew: most of the picture changed from the site to the centre.
        QVERIFY2(changed(p.first, p.last) > 0.3, qPrintable(QString::number(changed(p.first, p.last))));
        // The title's dark panel over the light sky, left of the logo.
        const QRgb panel = p.first.pixel(14, 28);
        QVERIFY2(qGray(panel) < 110, qPrintable(QString::number(qGray(panel))));
        QVERIFY2(qGray(p.first.pixel(4, 28)) > 150, qPrintable(QString::number(qGray(p.first.pixel(4, 28)))));
    }

    void cancellingOrFailingLeavesTheOlderVideo()
    {
        const QString file = path(QStringLiteral("keep.mp4"));
        QVERIFY(TourVideo::record(m_town, QStringLiteral("Short"), file, QSize(160, 120), 5).ok);
        const QByteArray before = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(!before.isEmpty());
        const Status cancelled =
            TourVideo::record(m_town, QStringLiteral("Short"), file, QSize(160, 120), 5, [](int frame, int) { return frame < 3; });
        QVERIFY(!cancelled.ok);
        QVERIFY2(cancelled.message.contains(QStringLiteral("cancelled at frame 3")), qPrintable(cancelled.message));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QVERIFY(!QFile::exists(file + QStringLiteral(".part")));

        const Status unknown = TourVideo::record(m_town, QStringLiteral("Nope"), path(QStringLiteral("x.mp4")), QSize(160, 120), 5);
        QVERIFY(!unknown.ok);
        QVERIFY2(unknown.message.contains(QStringLiteral("there is no tour 'Nope' (tours: 'Overview', 'Short')")),
                 qPrintable(unknown.message));
        const Status odd = TourVideo::record(m_town, QStringLiteral("Short"), path(QStringLiteral("y.mp4")), QSize(161, 120), 5);
        QVERIFY(!odd.ok);
        QVERIFY2(odd.message.contains(QStringLiteral("must be even")), qPrintable(odd.message));
        QVERIFY(!QFile::exists(path(QStringLiteral("x.mp4"))) && !QFile::exists(path(QStringLiteral("y.mp4"))));
    }

    void theCliFilmsATour()
    {
        const QString file = path(QStringLiteral("cli.mp4"));
        const clitest::Run r = clitest::run({QStringLiteral("video"), m_project, QStringLiteral("--tour"), QStringLiteral("Short"),
                                             QStringLiteral("-o"), file, QStringLiteral("--size"), QStringLiteral("256x144"),
                                             QStringLiteral("--fps"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("video: 10 frames (2 s) at 256x144, 5 fps"));
        QCOMPARE(probe(file).frames, 10);
        for (const auto &[args, message] :
             {std::pair{QStringList{QStringLiteral("--tour"), QStringLiteral("Short"), QStringLiteral("-o"), path(QStringLiteral("a.mp4")),
                                    QStringLiteral("--size"), QStringLiteral("255x144")},
                        QByteArray("--size wants even")},
              std::pair{QStringList{QStringLiteral("--tour"), QStringLiteral("Short"), QStringLiteral("-o"), path(QStringLiteral("a.mp4")),
                                    QStringLiteral("--fps"), QStringLiteral("0")},
                        QByteArray("--fps wants 1 to 120")},
              std::pair{QStringList{QStringLiteral("-o"), path(QStringLiteral("a.mp4"))}, QByteArray("--tour NAME is required")},
              std::pair{QStringList{QStringLiteral("--tour"), QStringLiteral("Short"), QStringLiteral("-o"), path(QStringLiteral("a.avi"))},
                        QByteArray(".mp4")}}) {
            const clitest::Run bad = clitest::run(QStringList{QStringLiteral("video"), m_project} + args);
            QCOMPARE(bad.exitCode, 2);
            QVERIFY2(bad.err.contains(message), bad.err.constData());
        }
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestTourVideo test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_tourvideo.moc"
