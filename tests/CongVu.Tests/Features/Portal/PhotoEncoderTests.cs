using System.Text;
using CongVu.Features.Portal;
using CongVu.Features.Portal.News;
using SkiaSharp;

namespace CongVu.Tests.Features.Portal;

public class PhotoEncoderTests
{
    private static (int Width, int Height) SizeOf(byte[] jpeg)
    {
        using var bmp = SKBitmap.Decode(jpeg);
        return (bmp.Width, bmp.Height);
    }

    [Fact]
    public void WidePhoto_IsScaledTo1600Wide_AsJpeg()
    {
        var result = PhotoEncoder.Reencode(PortalNewsDemo.StripedPng(2400, 300, (200, 10, 10)));

        Assert.NotNull(result);
        Assert.Equal("image/jpeg", result.ContentType);
        Assert.Equal(NewsText.PhotoType(result.Data), result.ContentType);
        Assert.Equal((1600, 200), (result.Width, result.Height));
        Assert.Equal((1600, 200), SizeOf(result.Data));
    }

    [Fact]
    public void SmallPhoto_KeepsItsSize()
    {
        var result = PhotoEncoder.Reencode(PortalNewsDemo.StripedPng(40, 30, (10, 200, 10)));

        Assert.NotNull(result);
        Assert.Equal((40, 30), SizeOf(result.Data));
    }

    [Fact]
    public void PhoneJpeg_WithExifAndComment_IsTurnedUpright_AndLosesItsMetadata()
    {
        // A 60 × 20 JPEG whose EXIF says "rotate 90° clockwise" (orientation 6), as phones write portrait shots.
        byte[] plain;
        using (var bmp = new SKBitmap(60, 20))
        {
            bmp.Erase(SKColors.Blue);
            bmp.Erase(SKColors.Red, new SKRectI(0, 0, 30, 20));
            using var img = SKImage.FromBitmap(bmp);
            plain = img.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        }

        byte[] exif = [.. "Exif\0\0"u8, .. "MM\0\x2A"u8, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        var comment = Encoding.ASCII.GetBytes("GPS 9.7,106.2 camera serial SECRET-1234");
        byte[] withMeta = [.. plain[..2], .. Segment(0xE1, exif), .. Segment(0xFE, comment), .. plain[2..]];
        Assert.Equal((20, 60), OrientedSize(withMeta));

        var result = PhotoEncoder.Reencode(withMeta);

        Assert.NotNull(result);
        Assert.Equal((20, 60), SizeOf(result.Data));
        // Turned 90° clockwise: the stored left half (red) is now on top.
        using (var upright = SKBitmap.Decode(result.Data))
        {
            Assert.True(upright.GetPixel(10, 5).Red > 200 && upright.GetPixel(10, 5).Blue < 60, $"top is {upright.GetPixel(10, 5)}");
            Assert.True(upright.GetPixel(10, 55).Blue > 200 && upright.GetPixel(10, 55).Red < 60, $"bottom is {upright.GetPixel(10, 55)}");
        }

        var text = Encoding.Latin1.GetString(result.Data);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-1234", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecompressionBomb_AndBrokenFile_AreRefused()
    {
        var bomb = PortalNewsDemo.StripedPng(4, 4, (1, 2, 3));
        // Claim 10 000 × 10 000 pixels in the header (the IHDR CRC is then wrong, which decoders check too).
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(16), 10_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(20), 10_000);

        Assert.Null(PhotoEncoder.Reencode(bomb));
        Assert.Null(PhotoEncoder.Reencode([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]));
    }

    private static (int, int) OrientedSize(byte[] jpeg)
    {
        using var codec = SKCodec.Create(new MemoryStream(jpeg));
        Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        return (codec.Info.Height, codec.Info.Width);
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }
}
