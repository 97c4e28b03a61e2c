using System.Xml.Linq;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// Data Protection reads and writes its key ring synchronously; on PostgreSQL the application's contexts multiplex their
/// commands, which Npgsql refuses to do synchronously, so the key ring has contexts of its own that do not.
/// </summary>
public class DatabaseXmlRepositoryTests
{
    [SkippableFact]
    public async Task The_key_ring_is_kept_and_read_back_on_PostgreSQL_beside_multiplexed_contexts()
    {
        TestDatabases.SkipUnlessPostgres();
        var connectionString = TestDatabases.CreatePostgres();
        try
        {
            var database = new Database(DatabaseProvider.PostgreSQL, connectionString);
            var repository = new DatabaseXmlRepository(database);
            repository.StoreElement(new XElement("key", new XAttribute("id", "k-1")), "k-1");
            repository.StoreElement(new XElement("key", new XAttribute("id", "k-2")), "k-2");

            repository.GetAllElements().Select(e => (string?)e.Attribute("id")).ShouldBe(["k-1", "k-2"]);
            // The application's own contexts multiplex: the same read made synchronously there is refused, and made
            // asynchronously it finds the same keys.
            await using var db = database.CreateContext(AgencyScope.Nothing);
            Should.Throw<Exception>(() => db.DataProtectionKeys.Count()).Message.ShouldContain("ynchronous");
            (await db.DataProtectionKeys.CountAsync()).ShouldBe(2);
        }
        finally
        {
            TestDatabases.DropPostgres(connectionString);
        }
    }
}
