using System.Security.Claims;
using CongVu.Features.Feedback.Rules;
using CongVu.Features.Portal.News;
using CongVu.Infrastructure.Security;

namespace CongVu.Features.Initiatives;

/// <summary>Who may do what with initiatives, commendations and works. Reading is by scope (query filters); these are the write rights.</summary>
public static class InitiativeAccess
{
    /// <summary>The committee and its office decide: approve, screen, recognise, commend, manage works.</summary>
    public static bool IsCommittee(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Committee);

    /// <summary>A cell secretary manages the initiatives of their own cell (their scope: the cell and its predecessors); the committee those of its scope.</summary>
    public static bool CanManage(ClaimsPrincipal user, AccessScope scope, Initiative i) =>
        scope.CanSee(i.OrgUnitId) && (IsCommittee(user) || user.IsInRole(Roles.CellSecretary));

    public static bool CanPropose(ClaimsPrincipal user) => IsCommittee(user) || user.IsInRole(Roles.CellSecretary);
}

/// <summary>Checks and cleans an uploaded photo with the portal's and feedback module's image code.</summary>
public static class InitiativePhotos
{
    public const int MaxBytes = ImageCheck.MaxBytes;

    public sealed record Result(byte[]? Data, string? Error);

    /// <summary>Sniffs JPEG/PNG by magic bytes, re-encodes (drops EXIF, scales down); the error is Vietnamese.</summary>
    public static async Task<Result> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return new(null, null);
        }

        if (file.Length > MaxBytes)
        {
            return new(null, "Ảnh quá lớn: tối đa 5 MB.");
        }

        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var data = ms.ToArray();
        if (ImageCheck.ContentTypeOf(data) is null)
        {
            return new(null, "Chỉ nhận ảnh JPEG hoặc PNG.");
        }

        return PhotoEncoder.Reencode(data) is { } encoded
            ? new(encoded.Data, null)
            : new(null, "Không đọc được ảnh: tệp hỏng hoặc có quá nhiều điểm ảnh.");
    }
}
