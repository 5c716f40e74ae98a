namespace CongVu.Infrastructure;

/// <summary>
/// The server starts listening while migrations and the reference and demo checks run (AppStartup), so the
/// two overlap on a multi-core machine; requests and background work wait here until those checks are done.
/// </summary>
public sealed class StartupGate
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the database is ready; faults when start-up failed (the app then stops).</summary>
    public Task Ready => _done.Task;

    public void Open() => _done.TrySetResult();

    public void Fail(Exception error) => _done.TrySetException(error);

    /// <summary>Runs start-up on a pool thread and opens or fails the gate with its outcome.</summary>
    public Task RunAsync(Func<Task> startup) => Task.Run(async () =>
    {
        try
        {
            await startup();
            Open();
        }
        catch (Exception e)
        {
            Fail(e);
            throw;
        }
    });
}

public static class StartupGateMiddleware
{
    /// <summary>First in the pipeline: a request that arrives during start-up waits for it (a second or two), then goes on.</summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<StartupGate>();
        return app.Use((context, next) => gate.Ready.IsCompletedSuccessfully ? next(context) : WaitAsync(gate, context, next));
    }

    private static async Task WaitAsync(StartupGate gate, HttpContext context, RequestDelegate next)
    {
        try
        {
            await gate.Ready.WaitAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("CongVu không khởi động được; xem nhật ký máy chủ. / CongVu could not start; see the server log.", context.RequestAborted);
            return;
        }

        await next(context);
    }
}
