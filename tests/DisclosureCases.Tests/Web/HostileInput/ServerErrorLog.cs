using Microsoft.Extensions.Logging;

namespace DisclosureCases.Tests.Web.HostileInput;

/// <summary>A factory that remembers the last exception the application logged, to say why a request failed.</summary>
public interface IServerErrorLog
{
    string? TakeLastError();
}

/// <summary>Keeps the newest error-level log entry with its exception.</summary>
public sealed class ErrorCapture : ILoggerProvider, IServerErrorLog
{
    string? _last;

    public string? TakeLastError() => Interlocked.Exchange(ref _last, null);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    sealed class Logger(ErrorCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error) return;
            var stack = exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("DisclosureCases", StringComparison.Ordinal))?.Trim();
            owner._last = exception is null ? formatter(state, null) : $"{exception.GetType().Name}: {exception.Message} {stack}";
        }
    }
}
