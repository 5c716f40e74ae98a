using SkiaSharp;

namespace CongVu.Features.Portal.News;

/// <summary>
/// Re-encodes an uploaded photo (SkiaSharp, MIT): upright per its EXIF orientation, at most
/// <see cref="MaxWidth"/> px wide, JPEG quality <see cref="Quality"/>. Only pixels are copied, so EXIF
/// (GPS position, camera serial) and any other metadata are dropped.
/// </summary>
public static class PhotoEncoder
{
    public const int MaxWidth = 1600;

    public const int Quality = 80;

    /// <summary>A decompression bomb guard: a 1.5 MB PNG can declare far more pixels than memory holds.</summary>
    public const long MaxPixels = 40_000_000;

    public sealed record Encoded(byte[] Data, string ContentType, int Width, int Height);

    /// <summary>The re-encoded JPEG, or null when the bytes are not a decodable image of sensible size.</summary>
    public static Encoded? Reencode(byte[] data, int maxWidth = MaxWidth)
    {
        using var codec = SKCodec.Create(new MemoryStream(data, writable: false));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = new SKBitmap(info);
        var result = codec.GetPixels(info, source.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        var origin = codec.EncodedOrigin;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (info.Height, info.Width) : (info.Width, info.Height);
        var scale = w > maxWidth ? (float)maxWidth / w : 1f;
        var outW = Math.Max(1, (int)Math.Round(w * scale));
        var outH = Math.Max(1, (int)Math.Round(h * scale));

        using var surface = SKSurface.Create(new SKImageInfo(outW, outH, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (surface is null)
        {
            return null;
        }

        var canvas = surface.Canvas;
        // JPEG has no transparency: a transparent PNG lands on white, as on the page.
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        canvas.Concat(OrientationMatrix(origin, info.Width, info.Height));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();

        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg is null ? null : new Encoded(jpeg.ToArray(), "image/jpeg", outW, outH);
    }

    /// <summary>Maps the stored pixels (w × h) onto the upright picture, for each EXIF orientation.</summary>
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
