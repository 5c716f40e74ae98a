using Microsoft.AspNetCore.Identity;

namespace CongVu.Infrastructure.Security;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The unit whose subtree the user works on (a commune, a cell, a province).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The person record of the user, when they are on the registry.</summary>
    public int? PersonId { get; set; }

    public DateTime CreatedAt { get; set; }
}
