namespace CongVu.Features.Portal;

/// <summary>Demo news posts.</summary>
public static class PortalNewsDemo
{
    public static Task SeedAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
