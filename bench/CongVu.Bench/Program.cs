using System.Runtime.InteropServices;
using CongVu.Bench;

// CongVu's benchmark: bench/run.sh builds Release and calls this; see bench/README.md and docs/performance.md.
var options = BenchOptions.Parse(args);

// Stop every server and PostgreSQL cluster this process started, by PID; each step on its own so one failure does not skip the next.
static void StopEverything()
{
    try
    {
        Server.KillAll();
    }
    catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
    {
    }

    PgCluster.StopAll();
}

// SIGTERM (run.sh's trap) and Ctrl+C: the handlers run before the runtime's default exit.
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => StopEverything());
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => StopEverything());
AppDomain.CurrentDomain.ProcessExit += (_, _) => StopEverything();
try
{
    return await new Runner(options).RunAsync();
}
finally
{
    StopEverything();
}
