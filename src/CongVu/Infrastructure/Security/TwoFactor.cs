using System.Buffers.Binary;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CongVu.Infrastructure.Security;

/// <summary>Which roles must sign in with a second factor (Security:RequireTwoFactorForRoles); off in demo mode unless Security:RequireTwoFactorInDemo.</summary>
public sealed class TwoFactorRequirement
{
    public static readonly string[] DefaultRoles = [Roles.Admin, Roles.Committee];

    public TwoFactorRequirement(IReadOnlyList<string> roles) => RequiredRoles = roles;

    public IReadOnlyList<string> RequiredRoles { get; }

    public bool AppliesTo(ClaimsPrincipal user) => RequiredRoles.Any(user.IsInRole);

    public static TwoFactorRequirement From(IConfiguration config)
    {
        // The public demo accounts must stay usable by anyone trying the demo, so demo mode turns the requirement off.
        if (config.GetValue("Demo:Enabled", false) && !config.GetValue("Security:RequireTwoFactorInDemo", false))
        {
            return new([]);
        }

        var section = config.GetSection("Security:RequireTwoFactorForRoles");
        // A scalar (environment variable, command line) replaces the list: comma-separated, empty for nobody.
        if (section.Value is { } scalar)
        {
            return new(scalar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var listed = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray();
        return new(section.Exists() ? listed : DefaultRoles);
    }
}

/// <summary>RFC 6238 time-based codes (HMAC-SHA1, 30 s, 6 digits) on the app's clock, so the codes follow TimeProvider like everything else.</summary>
public static class Totp
{
    public const int Digits = 6;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static string Code(byte[] key, long timeStep)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        // RFC 6238 authenticator apps compute HMAC-SHA1; the weakness CA5350 warns of does not apply to HMAC.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static long TimeStep(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>Accepts the current step and one either side, for phones whose clocks drift.</summary>
    public static bool Verify(byte[] key, string code, DateTimeOffset at)
    {
        var now = TimeStep(at);
        var ok = false;
        for (var s = now - 1; s <= now + 1; s++)
        {
            ok |= CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, s)), System.Text.Encoding.ASCII.GetBytes(code));
        }

        return ok;
    }

    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var v = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                throw new FormatException("Not base32.");
            }

            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

/// <summary>Identity's authenticator provider, replaced so the codes are checked against TimeProvider (tests move the clock).</summary>
public sealed class TimeProviderAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "CongVuAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != Totp.Digits || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        return Totp.Verify(Totp.FromBase32(key), code, time.GetUtcNow());
    }
}
