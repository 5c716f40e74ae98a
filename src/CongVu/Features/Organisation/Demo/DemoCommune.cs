namespace CongVu.Features.Organisation.Demo;

public sealed record DemoAccount(string Role, string UserName, string Description);

/// <summary>The demo commune (Hiếu Trung, later xã Tiểu Cần): placeholder until the generator lands.</summary>
public static class DemoCommune
{
    public const string Password = "CongVu-demo-2026";

    public static readonly DemoAccount[] Accounts = [];

    public static Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct) => Task.FromResult(false);
}
