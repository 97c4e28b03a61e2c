using System.Collections.Concurrent;
using System.Net;
using DisclosureCases.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DisclosureCases.Tests.Web;

/// <summary>
/// The first start of a new installation (an empty database, as at a newcomer's first <c>dotnet run</c>) logs no error.
/// Data Protection's start-up read of its key ring ran before the migrations and logged "no such table:
/// DataProtectionKeys" with a stack trace.
/// </summary>
public class StartupLogTests
{
    sealed class Factory() : AppFactory(NewDirectory(), keepDirectory: false, migrateFromEmpty: true)
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCapture(Errors)));
        }
    }

    sealed class ErrorCapture(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => new Named(errors, categoryName);
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) { }
        public void Dispose() { }

        sealed class Named(ConcurrentQueue<string> errors, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) errors.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }

    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_error()
    {
        using var factory = new Factory();
        var client = factory.NewClient();
        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.SignInAsync("clerk");
        factory.Errors.ShouldBeEmpty(string.Join("\n", factory.Errors));
    }
}
