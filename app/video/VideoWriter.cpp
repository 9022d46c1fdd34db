// SPDX-License-Identifier: MIT
#include "VideoWriter.h"

#include <QFile>

#include <filesystem>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace tt {

struct VideoWriter::Codec {
    AVFormatContext *format = nullptr;
    AVCodecContext *encoder = nullptr;
    AVStream *stream = nullptr;
    AVFrame *frame = nullptr;
    AVPacket *packet = nullptr;
    SwsContext *scaler = nullptr;
    QString partPath;
    bool headerWritten = false;

    ~Codec()
    {
        sws_freeContext(scaler);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&encoder);
        if (format) {
            if (format->pb)
                avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }
};

namespace {

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromLocal8Bit(text);
}

} // namespace

VideoWriter::VideoWriter() = default;

VideoWriter::~VideoWriter()
{
    cancel();
}

int VideoWriter::framesWritten() const
{
    return m_frames;
}

Status VideoWriter::fail(const QString &what, int code)
{
    const QString message = code ? QStringLiteral("%1: %2: %3").arg(m_path, what, avError(code))
                                 : QStringLiteral("%1: %2").arg(m_path, what);
    cancel();
    return Status::error(message);
}

Status VideoWriter::open(const QString &path, int width, int height, int fps)
{
    cancel();
    m_path = path;
    m_frames = 0;
    if (width < 16 || height < 16 || width % 2 || height % 2)
        return Status::error(QStringLiteral("%1: the video size must be even, at least 16x16, not %2x%3").arg(path).arg(width).arg(height));
    if (fps < 1 || fps > 120)
        return Status::error(QStringLiteral("%1: frames per second must be 1 to 120, not %2").arg(path).arg(fps));
    // x264's statistics are for its developers; errors still come back as codes.
    av_log_set_level(AV_LOG_ERROR);
    const AVCodec *h264 = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!h264)
        return Status::error(QStringLiteral("%1: this FFmpeg has no H.264 encoder (libx264)").arg(path));
    m_codec = std::make_unique<Codec>();
    Codec &c = *m_codec;
    c.partPath = path + QStringLiteral(".part");
    const QByteArray part = QFile::encodeName(c.partPath);
    if (int e = avformat_alloc_output_context2(&c.format, nullptr, "mp4", part.constData()); e < 0)
        return fail(QStringLiteral("cannot set up an MP4 file"), e);
    c.encoder = avcodec_alloc_context3(h264);
    c.encoder->width = width;
    c.encoder->height = height;
    c.encoder->time_base = AVRational{1, fps};
    c.encoder->framerate = AVRational{fps, 1};
    c.encoder->pix_fmt = AV_PIX_FMT_YUV420P;
    c.encoder->gop_size = fps * 2;
    // Constant quality 20 keeps captions sharp; "veryfast" leaves the CPU to the software renderer.
    av_opt_set(c.encoder->priv_data, "preset", "veryfast", 0);
    av_opt_set(c.encoder->priv_data, "crf", "20", 0);
    if (c.format->oformat->flags & AVFMT_GLOBALHEADER)
        c.encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (int e = avcodec_open2(c.encoder, h264, nullptr); e < 0)
        return fail(QStringLiteral("cannot open the H.264 encoder"), e);
    c.stream = avformat_new_stream(c.format, nullptr);
    c.stream->time_base = c.encoder->time_base;
    if (int e = avcodec_parameters_from_context(c.stream->codecpar, c.encoder); e < 0)
        return fail(QStringLiteral("cannot describe the video stream"), e);
    if (int e = avio_open(&c.format->pb, part.constData(), AVIO_FLAG_WRITE); e < 0)
        return fail(QStringLiteral("cannot write %1").arg(c.partPath), e);
    if (int e = avformat_write_header(c.format, nullptr); e < 0)
        return fail(QStringLiteral("cannot write the MP4 header"), e);
    c.headerWritten = true;
    c.frame = av_frame_alloc();
    c.frame->format = c.encoder->pix_fmt;
    c.frame->width = width;
    c.frame->height = height;
    if (int e = av_frame_get_buffer(c.frame, 0); e < 0)
        return fail(QStringLiteral("out of memory for a frame"), e);
    c.packet = av_packet_alloc();
    // QImage's RGB32 is 0xAARRGGBB words: B, G, R, A in memory on little-endian machines.
    c.scaler = sws_getContext(width, height, Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? AV_PIX_FMT_BGRA : AV_PIX_FMT_ARGB, width, height, AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr,
                              nullptr, nullptr);
    if (!c.scaler)
        return fail(QStringLiteral("cannot convert frames to YUV"));
    return Status::success();
}

Status VideoWriter::write(const QImage &image)
{
    if (!m_codec)
        return Status::error(QStringLiteral("%1: the video is not open").arg(m_path));
    Codec &c = *m_codec;
    if (image.width() != c.encoder->width || image.height() != c.encoder->height)
        return fail(QStringLiteral("frame %1 is %2x%3, the video %4x%5")
                        .arg(m_frames)
                        .arg(image.width())
                        .arg(image.height())
                        .arg(c.encoder->width)
                        .arg(c.encoder->height));
    // Frames from the renderer are RGB32 already: no copy.
    const QImage bgra = image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32
                            ? image
                            : image.convertToFormat(QImage::Format_RGB32);
    if (int e = av_frame_make_writable(c.frame); e < 0)
        return fail(QStringLiteral("cannot reuse the frame buffer"), e);
    const uint8_t *source[1] = {bgra.constBits()};
    const int stride[1] = {int(bgra.bytesPerLine())};
    sws_scale(c.scaler, source, stride, 0, bgra.height(), c.frame->data, c.frame->linesize);
    c.frame->pts = m_frames++;
    if (int e = avcodec_send_frame(c.encoder, c.frame); e < 0)
        return fail(QStringLiteral("cannot encode frame %1").arg(m_frames - 1), e);
    return encode(false);
}

Status VideoWriter::encode(bool flush)
{
    Codec &c = *m_codec;
    while (true) {
        const int e = avcodec_receive_packet(c.encoder, c.packet);
        if (e == AVERROR(EAGAIN) || (flush && e == AVERROR_EOF))
            return Status::success();
        if (e < 0)
            return fail(QStringLiteral("the encoder failed"), e);
        // Every frame lasts one tick; without it the MP4's edit list would end before the last frame.
        if (c.packet->duration <= 0)
            c.packet->duration = 1;
        av_packet_rescale_ts(c.packet, c.encoder->time_base, c.stream->time_base);
        c.packet->stream_index = c.stream->index;
        if (int w = av_interleaved_write_frame(c.format, c.packet); w < 0)
            return fail(QStringLiteral("cannot write to %1").arg(c.partPath), w);
    }
}

Status VideoWriter::finish()
{
    if (!m_codec)
        return Status::error(QStringLiteral("%1: the video is not open").arg(m_path));
    Codec &c = *m_codec;
    if (int e = avcodec_send_frame(c.encoder, nullptr); e < 0)
        return fail(QStringLiteral("cannot flush the encoder"), e);
    if (Status s = encode(true); !s)
        return s;
    if (int e = av_write_trailer(c.format); e < 0)
        return fail(QStringLiteral("cannot write the MP4 index"), e);
    avio_closep(&c.format->pb);
    const QString part = c.partPath;
    m_codec.reset();
    // One rename replaces an older video at once: there is never no video, or half of one.
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(part.toStdU16String()), std::filesystem::path(m_path.toStdU16String()), error);
    if (error) {
        QFile::remove(part);
        return Status::error(QStringLiteral("%1: cannot move the finished video into place: %2")
                                 .arg(m_path, QString::fromStdString(error.message())));
    }
    return Status::success();
}

void VideoWriter::cancel()
{
    if (!m_codec)
        return;
    const QString part = m_codec->partPath;
    m_codec.reset();
    QFile::remove(part);
}

} // namespace tt
