using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CongVu.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class YearlyCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConductCode",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EnglishTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConductCode", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisciplineRecord",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DutyRelated = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisciplineRecord", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuotaAllowance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaAllowance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tw4Manifestation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GroupNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NeedsOfficialWording = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tw4Manifestation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CriterionGroup",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConductCodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnglishName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriterionGroup", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriterionGroup_ConductCode_ConductCodeId",
                        column: x => x.ConductCodeId,
                        principalTable: "ConductCode",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RatingYear",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitteeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSet = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConductCodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    PledgeDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtensionDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingYear", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingYear_ConductCode_ConductCodeId",
                        column: x => x.ConductCodeId,
                        principalTable: "ConductCode",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RatingYear_OrgUnits_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Criterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EnglishGloss = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Criterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Criterion_CriterionGroup_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CriterionGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    SelfSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SelfSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CellLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    CellComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CellAppraisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CellAppraisedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberReview_RatingYear_RatingYearId",
                        column: x => x.RatingYearId,
                        principalTable: "RatingYear",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrgRating",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoricalLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgRating", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgRating_RatingYear_RatingYearId",
                        column: x => x.RatingYearId,
                        principalTable: "RatingYear",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pledge",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUncleHo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EnteredOnBehalfBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pledge_RatingYear_RatingYearId",
                        column: x => x.RatingYearId,
                        principalTable: "RatingYear",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RatingDecision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    DonePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    OnTimePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    ExceededPercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    PriorShortcomingsRemedied = table.Column<bool>(type: "INTEGER", nullable: false),
                    DegradationConcluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Mitigation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupersedesId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReRatingBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingDecision_RatingYear_RatingYearId",
                        column: x => x.RatingYearId,
                        principalTable: "RatingYear",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreItem_RatingYear_RatingYearId",
                        column: x => x.RatingYearId,
                        principalTable: "RatingYear",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewScore",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfPoints = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    SelfNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewScore", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewScore_MemberReview_MemberReviewId",
                        column: x => x.MemberReviewId,
                        principalTable: "MemberReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeItem_Pledge_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledge",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConductCode_Code",
                table: "ConductCode",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Criterion_GroupId_Code",
                table: "Criterion",
                columns: new[] { "GroupId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CriterionGroup_ConductCodeId_Code",
                table: "CriterionGroup",
                columns: new[] { "ConductCodeId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineRecord_PersonId_DecidedOn",
                table: "DisciplineRecord",
                columns: new[] { "PersonId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberReview_RatingYearId_OrgUnitId",
                table: "MemberReview",
                columns: new[] { "RatingYearId", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberReview_RatingYearId_PersonId",
                table: "MemberReview",
                columns: new[] { "RatingYearId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgRating_RatingYearId_OrgUnitId",
                table: "OrgRating",
                columns: new[] { "RatingYearId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pledge_RatingYearId_OrgUnitId_PersonId",
                table: "Pledge",
                columns: new[] { "RatingYearId", "OrgUnitId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_PledgeItem_PledgeId",
                table: "PledgeItem",
                column: "PledgeId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaAllowance_RatingYearId_OrgUnitId",
                table: "QuotaAllowance",
                columns: new[] { "RatingYearId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingDecision_RatingYearId_OrgUnitId_IsCurrent",
                table: "RatingDecision",
                columns: new[] { "RatingYearId", "OrgUnitId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_RatingDecision_RatingYearId_PersonId",
                table: "RatingDecision",
                columns: new[] { "RatingYearId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_RatingYear_CommitteeId_Year",
                table: "RatingYear",
                columns: new[] { "CommitteeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingYear_ConductCodeId",
                table: "RatingYear",
                column: "ConductCodeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewScore_MemberReviewId_ScoreItemId",
                table: "ReviewScore",
                columns: new[] { "MemberReviewId", "ScoreItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreItem_RatingYearId",
                table: "ScoreItem",
                column: "RatingYearId");

            migrationBuilder.CreateIndex(
                name: "IX_Tw4Manifestation_Code",
                table: "Tw4Manifestation",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Criterion");

            migrationBuilder.DropTable(
                name: "DisciplineRecord");

            migrationBuilder.DropTable(
                name: "OrgRating");

            migrationBuilder.DropTable(
                name: "PledgeItem");

            migrationBuilder.DropTable(
                name: "QuotaAllowance");

            migrationBuilder.DropTable(
                name: "RatingDecision");

            migrationBuilder.DropTable(
                name: "ReviewScore");

            migrationBuilder.DropTable(
                name: "ScoreItem");

            migrationBuilder.DropTable(
                name: "Tw4Manifestation");

            migrationBuilder.DropTable(
                name: "CriterionGroup");

            migrationBuilder.DropTable(
                name: "Pledge");

            migrationBuilder.DropTable(
                name: "MemberReview");

            migrationBuilder.DropTable(
                name: "RatingYear");

            migrationBuilder.DropTable(
                name: "ConductCode");
        }
    }
}
