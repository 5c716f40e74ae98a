namespace CongVu.Features.Feedback.Rules;

/// <summary>
/// Accepts JPEG and PNG by their magic bytes and strips metadata (EXIF with GPS, comments, text chunks)
/// by rewriting the container without those segments; pixels are kept as they are (no re-encoding).
/// </summary>
public static class ImageCheck
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static string? ContentTypeOf(ReadOnlySpan<byte> data)
    {
        if (data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return "image/jpeg";
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return data.Length > 8 && data[..8].SequenceEqual(png) ? "image/png" : null;
    }

    /// <summary>The image without metadata, or null when the structure is broken.</summary>
    public static byte[]? StripMetadata(byte[] data) => ContentTypeOf(data) switch
    {
        "image/jpeg" => StripJpeg(data),
        "image/png" => StripPng(data),
        _ => null,
    };

    private static byte[]? StripJpeg(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                return null;
            }

            var marker = data[i + 1];
            if (marker == 0xDA)
            {
                // Start of scan: the rest is image data up to EOI.
                output.Write(data, i, data.Length - i);
                return output.ToArray();
            }

            var length = (data[i + 2] << 8) | data[i + 3];
            if (length < 2 || i + 2 + length > data.Length)
            {
                return null;
            }

            // APP1–APP15 (EXIF, XMP, ICC…) and COM carry metadata; APP0 (JFIF) is kept.
            var isMetadata = marker is >= 0xE1 and <= 0xEF or 0xFE;
            if (!isMetadata)
            {
                output.Write(data, i, 2 + length);
            }

            i += 2 + length;
        }

        return null;
    }

    private static byte[]? StripPng(byte[] data)
    {
        string[] dropped = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 8);
        var i = 8;
        while (i + 12 <= data.Length)
        {
            var length = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
            if (length < 0 || i + 12 + length > data.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(data, i + 4, 4);
            if (!dropped.Contains(type))
            {
                output.Write(data, i, 12 + length);
            }

            i += 12 + length;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }
}
