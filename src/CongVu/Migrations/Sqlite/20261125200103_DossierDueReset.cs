using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CongVu.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierDueReset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApologyNumber",
                table: "Dossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DelayReason",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueResetAt",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDueOn",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApologyNumber",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "DelayReason",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "DueResetAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "OriginalDueOn",
                table: "Dossiers");
        }
    }
}
