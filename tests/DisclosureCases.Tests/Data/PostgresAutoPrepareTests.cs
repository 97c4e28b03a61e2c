using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// PostgreSQL contexts prepare the statements they run again and again (Npgsql's automatic preparation), do not reset
/// a connection they give back to the pool, multiplex their commands and speak to a server on this machine without TLS,
/// unless the configured connection string says otherwise. No server is needed: the options are read, not used.
/// </summary>
public class PostgresAutoPrepareTests
{
    static NpgsqlConnectionStringBuilder ContextConnection(string configured)
    {
        using var db = new Database(DatabaseProvider.PostgreSQL, configured).CreateContext(AgencyScope.All);
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }

    [Fact]
    public void A_connection_string_without_a_setting_prepares_statements_used_twice()
    {
        var cs = ContextConnection("Host=127.0.0.1;Database=disclosure;Username=u;Password=p");
        cs.MaxAutoPrepare.ShouldBe(100);
        cs.AutoPrepareMinUsages.ShouldBe(2);
        cs.NoResetOnClose.ShouldBeTrue();
        cs.Multiplexing.ShouldBeTrue();
        cs.SslMode.ShouldBe(SslMode.Disable);
        cs.Database.ShouldBe("disclosure");
        cs.Password.ShouldBe("p");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=d;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=d;Max Auto Prepare=20", 20)]
    [InlineData("Host=127.0.0.1;Database=d;MaxAutoPrepare=0", 0)]
    public void A_connection_string_that_sets_it_keeps_its_own_value(string configured, int expected) =>
        ContextConnection(configured).MaxAutoPrepare.ShouldBe(expected);

    [Theory]
    [InlineData("Host=127.0.0.1;Database=d;No Reset On Close=false", false)]
    [InlineData("Host=127.0.0.1;Database=d;NoResetOnClose=false;Max Auto Prepare=0", false)]
    [InlineData("Host=127.0.0.1;Database=d;Max Auto Prepare=0", true)]
    public void A_connection_string_that_asks_for_the_reset_keeps_it(string configured, bool expected) =>
        ContextConnection(configured).NoResetOnClose.ShouldBe(expected);

    [Fact]
    public void The_database_keeps_the_configured_string_for_everything_else()
    {
        const string configured = "Host=127.0.0.1;Database=d";
        new Database(DatabaseProvider.PostgreSQL, configured).ConnectionString.ShouldBe(configured);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=d;Multiplexing=false", false)]
    [InlineData("Host=127.0.0.1;Database=d;Multiplexing=true", true)]
    [InlineData("Host=127.0.0.1;Database=d;Max Auto Prepare=0", true)]
    public void A_connection_string_that_sets_multiplexing_keeps_it(string configured, bool expected) =>
        ContextConnection(configured).Multiplexing.ShouldBe(expected);

    [Theory]
    [InlineData("Host=127.0.0.1;Database=d", SslMode.Disable)]
    [InlineData("Host=localhost;Database=d", SslMode.Disable)]
    [InlineData("Host=::1;Database=d", SslMode.Disable)]
    [InlineData("Host=/var/run/postgresql;Database=d", SslMode.Disable)]
    [InlineData("Host=127.0.0.1:5432,localhost:5433;Database=d", SslMode.Disable)]
    [InlineData("Host=db.example.org;Database=d", SslMode.Prefer)]
    [InlineData("Host=10.0.0.5;Database=d", SslMode.Prefer)]
    [InlineData("Host=127.0.0.1,db.example.org;Database=d", SslMode.Prefer)]
    [InlineData("Host=db.example.org;Database=d;SSL Mode=Require", SslMode.Require)]
    [InlineData("Host=127.0.0.1;Database=d;SSL Mode=Require", SslMode.Require)]
    [InlineData("Host=127.0.0.1;Database=d;SslMode=VerifyFull", SslMode.VerifyFull)]
    public void Tls_is_left_out_only_for_a_server_on_this_machine_the_string_says_nothing_about(string configured, SslMode expected) =>
        ContextConnection(configured).SslMode.ShouldBe(expected);

    [Theory]
    [InlineData("Host=127.0.0.1;Database=d", -1)]
    [InlineData("Host=/var/run/postgresql;Database=d", -1)]
    [InlineData("Host=db.example.org;Database=d", 100)]
    [InlineData("Host=127.0.0.1;Database=d;Multiplexing=false", 100)]
    [InlineData("Host=127.0.0.1;Database=d;Maximum Pool Size=30", 30)]
    [InlineData("Host=127.0.0.1;Database=d;MaxPoolSize=50", 50)]
    public void Multiplexed_to_a_server_on_this_machine_at_most_four_connections_a_processor_unless_the_string_says(string configured, int expected)
    {
        var size = ContextConnection(configured).MaxPoolSize;
        size.ShouldBe(expected < 0 ? 4 * Environment.ProcessorCount : expected);
        if (expected < 0) size.ShouldBeLessThan(100);
    }

    [Fact]
    public void Code_that_must_be_synchronous_gets_contexts_that_do_not_multiplex()
    {
        var database = new Database(DatabaseProvider.PostgreSQL, "Host=127.0.0.1;Database=d;Password=p");
        using var db = database.ForSynchronousUse().CreateContext(AgencyScope.All);
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        cs.Multiplexing.ShouldBeFalse();
        cs.MaxAutoPrepare.ShouldBe(100);
        cs.Password.ShouldBe("p");
        Database.Sqlite("/tmp/x.db").ForSynchronousUse().Provider.ShouldBe(DatabaseProvider.Sqlite);
    }
}
