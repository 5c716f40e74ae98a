namespace CongVu.Infrastructure.Security;

public static class Roles
{
    /// <summary>Văn phòng Đảng ủy: keeps the registry of a commune (or of a province, on a province's unit).</summary>
    public const string Admin = "admin";

    /// <summary>Ban Thường vụ / Đảng ủy: reads the whole commune, decides ratings.</summary>
    public const string Committee = "committee";

    /// <summary>Bí thư chi bộ: sees only their cell.</summary>
    public const string CellSecretary = "cell-secretary";

    /// <summary>Đảng viên, cán bộ, công chức: sees their own record.</summary>
    public const string Member = "member";

    /// <summary>Cấp trên: read-only over a subtree.</summary>
    public const string Overseer = "overseer";

    /// <summary>Biên tập viên cổng thông tin: writes and publishes the commune's news.</summary>
    public const string Editor = "editor";

    public static readonly string[] All = [Admin, Committee, CellSecretary, Member, Overseer, Editor];

    public static string DisplayKey(string role) => "Role." + role;
}

public static class Policies
{
    /// <summary>Any signed-in user: their own dashboard and record.</summary>
    public const string Staff = "staff";

    /// <summary>Read the registry of one's subtree.</summary>
    public const string RegistryRead = "registry.read";

    /// <summary>Change the registry: people, memberships, units, imports.</summary>
    public const string RegistryWrite = "registry.write";

    /// <summary>Manage user accounts.</summary>
    public const string UserAdmin = "users.admin";

    /// <summary>Write and publish the portal's news; see the visit statistics.</summary>
    public const string NewsEdit = "news.edit";
}

public static class AppClaims
{
    public const string OrgUnit = "cv:unit";
    public const string Person = "cv:person";
    public const string DisplayName = "cv:name";

    /// <summary>Present when the user has enrolled an authenticator app.</summary>
    public const string TwoFactor = "cv:2fa";
}
