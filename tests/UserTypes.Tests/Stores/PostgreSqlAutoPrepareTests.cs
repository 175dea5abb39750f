using Npgsql;

namespace UserTypes.Tests.Stores;

/// <summary>
/// The PostgreSQL store turns on Npgsql's automatic preparation unless the host's connection string chose for itself,
/// (the suite's other PostgreSQL tests all run with it on).
/// </summary>
public sealed class PostgreSqlAutoPrepareTests
{
    [Test]
    public void AConnectionStringWithoutTheSetting_GetsAutomaticPreparation()
    {
        var opened = new NpgsqlConnectionStringBuilder(PostgreSqlDialect.WithAutoPrepare("Host=db.example;Username=app;Password=p;Database=app"));

        opened.MaxAutoPrepare.Should().BePositive();
        opened.Host.Should().Be("db.example");
        opened.Password.Should().Be("p", "nothing else of the host's string changes");
    }

    [TestCase("Host=db.example;Max Auto Prepare=0")]
    [TestCase("Host=db.example;MaxAutoPrepare=0")]
    [TestCase("Host=db.example;max auto prepare=0")]
    [TestCase("Host=db.example;Max Auto Prepare=5")]
    public void AHostThatSetItItself_IsFollowed(string connectionString) =>
        PostgreSqlDialect.WithAutoPrepare(connectionString).Should().Be(connectionString);
}
