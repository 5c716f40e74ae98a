using System.Diagnostics;
using System.Globalization;

namespace CongVu.Bench;

/// <summary>A server the bench started as a real process on 127.0.0.1; stopped by its PID, never by name.</summary>
public sealed class Server : IAsyncDisposable
{
    private static readonly List<Server> Started = [];
    private static readonly HttpClient Probe = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly StreamWriter _log;

    private Server(string name, int port, Process process, StreamWriter log, Stopwatch sinceStart)
    {
        Name = name;
        Port = port;
        _process = process;
        _log = log;
        SinceStart = sinceStart;
    }

    public string Name { get; }

    public int Port { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public Stopwatch SinceStart { get; }

    /// <summary>File the PIDs go to, so bench/run.sh can stop them even if this process is killed.</summary>
    public static string? PidFile { get; set; }

    public static Server Start(string name, string dll, int port, IDictionary<string, string> env, string logDir, string workingDirectory)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var log = new StreamWriter(Path.Combine(logDir, $"{name}-{port}.log"), append: true) { AutoFlush = true };
        var sw = Stopwatch.StartNew();
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {dll}");
        p.OutputDataReceived += (_, e) => Write(log, e.Data);
        p.ErrorDataReceived += (_, e) => Write(log, e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var server = new Server(name, port, p, log, sw);
        lock (Started)
        {
            Started.Add(server);
            if (PidFile is not null)
            {
                File.AppendAllText(PidFile, p.Id.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
            }
        }

        return server;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>Polls until the path answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitFor200Async(string path, TimeSpan timeout)
    {
        while (SinceStart.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}; see its log");
            }

            try
            {
                using var r = await Probe.GetAsync(BaseUrl + path);
                if ((int)r.StatusCode == 200)
                {
                    return SinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{Name} did not answer 200 on {path} within {timeout.TotalSeconds:0} s");
    }

    /// <summary>User + system CPU seconds of the process so far (/proc/PID/stat, fields 14 and 15).</summary>
    public double CpuSeconds()
    {
        if (HasExited)
        {
            throw new InvalidOperationException($"{Name} exited during the run (code {_process.ExitCode}); see its log");
        }

        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }

    /// <summary>Peak resident set (VmHWM) in MB.</summary>
    public double PeakRssMb()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }

    public double RssMb()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }

    /// <summary>Resets VmHWM to the current RSS (Linux clear_refs "5"), so each scenario reports its own peak.</summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, then SIGKILL after 10 s: bounded.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        lock (Started)
        {
            Started.Remove(this);
        }

        lock (_log)
        {
            _log.Flush();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    /// <summary>Last resort on exit or Ctrl+C: kill whatever is still running, by PID.</summary>
    public static void KillAll()
    {
        lock (Started)
        {
            foreach (var s in Started)
            {
                try
                {
                    if (!s._process.HasExited)
                    {
                        s._process.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                }
            }

            Started.Clear();
        }
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
