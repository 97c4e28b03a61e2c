using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// PostgreSQL contexts prepare the statements they run again and again (Npgsql's automatic preparation) and do not reset
/// a connection they give back to the pool, unless the configured connection string says otherwise. No server is needed:
/// the options are read, not used.
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
}
