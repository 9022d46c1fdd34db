// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QImage>
#include <QString>

#include <memory>

namespace tt {

//! An H.264 video in an MP4 file, written frame by frame through FFmpeg's libraries
//! (libavcodec, libavformat, libswscale). Frames go to `FILE.part` beside the file,
//! which replaces the file only when finish() succeeds: a cancelled or failed video
//! leaves no half-written file and never spoils an older one.
class VideoWriter {
public:
    VideoWriter();
    ~VideoWriter();
    VideoWriter(const VideoWriter &) = delete;
    VideoWriter &operator=(const VideoWriter &) = delete;

    //! Sizes must be even (4:2:0 chroma); fps 1 to 120.
    Status open(const QString &path, int width, int height, int fps);
    //! One frame of the open size, any QImage format.
    Status write(const QImage &frame);
    //! Flushes the encoder, writes the MP4 index and moves the file into place.
    Status finish();
    //! Drops what was written.
    void cancel();
    int framesWritten() const;

private:
    struct Codec;
    Status encode(bool flush);
    Status fail(const QString &what, int code = 0);

    std::unique_ptr<Codec> m_codec;
    QString m_path;
    int m_frames = 0;
};

} // namespace tt
