using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CongVu.Tests.Security;

/// <summary>The test's own RFC 6238 computation (HMAC-SHA1, 30 s steps, 6 digits), independent of the app's, as an authenticator app would do it.</summary>
public static class TotpCodes
{
    public static string At(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 is defined over HMAC-SHA1.
        using var hmac = new HMACSHA1(key);
#pragma warning restore CA5350
        var hash = hmac.ComputeHash(counter);
        var offset = hash[19] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1000000).ToString("000000", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        var bits = string.Concat(text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            .Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
