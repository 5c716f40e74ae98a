using System.Security.Cryptography;

namespace CongVu.Features.Feedback;

/// <summary>Tracking codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), ~48 bits from a cryptographic RNG.</summary>
public static class TrackingCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 10;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Upper-cases and drops spaces and dashes; null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var chars = input.Trim().ToUpperInvariant()
            .Where(c => c is not (' ' or '-'))
            .ToArray();
        var code = new string(chars);
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
