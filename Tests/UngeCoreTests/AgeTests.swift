import Foundation
import Testing

@testable import UngeCore

private func date(_ iso: String) -> LocalDate {
    guard let d = LocalDate.parse(iso) else { fatalError("bad test date \(iso)") }
    return d
}

@Suite("Alder og aldersgrænser")
struct AgeTests {
    // MARK: Whole years

    @Test(
        "alder dagen før og på fødselsdagen",
        arguments: [
            ("2008-05-10", "2026-05-09", 17), ("2008-05-10", "2026-05-10", 18), ("2008-05-10", "2026-12-31", 18),
            ("2008-05-10", "2008-05-10", 0), ("2008-05-10", "2007-01-01", 0), ("2003-12-31", "2026-12-30", 22),
            ("2003-12-31", "2026-12-31", 23),
        ])
    func years(_ born: String, _ on: String, _ expected: Int) {
        #expect(Age.years(born: date(born), on: date(on)) == expected)
    }

    @Test("født 29. februar: ét år ældre 1. marts i almindelige år")
    func leapDayBirth() {
        let born = date("2008-02-29")
        #expect(Age.years(born: born, on: date("2026-02-28")) == 17)
        #expect(Age.years(born: born, on: date("2026-03-01")) == 18)
        #expect(Age.years(born: born, on: date("2028-02-28")) == 19)
        #expect(Age.years(born: born, on: date("2028-02-29")) == 20)
        #expect(Age.birthday(of: born, in: 2027) == date("2027-03-01"))
        #expect(Age.birthday(of: born, in: 2028) == date("2028-02-29"))
        #expect(Age.dateTurning(18, born: born) == date("2026-03-01"))
    }

    // MARK: 17½

    @Test(
        "17½ år = 6 måneder før 18-årsdagen",
        arguments: [
            ("2008-08-31", "2026-02-28"),  // 31 August -> last day of February
            ("2010-08-31", "2028-02-29"),  // ... which is the 29th in a leap year
            ("2008-08-30", "2026-02-28"),
            ("2008-03-15", "2025-09-15"),
            ("2008-02-29", "2025-09-01"),  // 18th birthday on 1 March 2026
            ("2008-12-31", "2026-06-30"),
        ])
    func seventeenAndAHalf(_ born: String, _ expected: String) {
        #expect(Age.dateSixMonthsBefore18(born: date(born)) == date(expected))
        let threshold = Age.thresholds(born: date(born), on: date("2020-01-01")).first { $0.id == "age17half" }
        #expect(threshold?.date == date(expected))
    }

    // MARK: Thresholds

    @Test("seks aldersgrænser i datoorden")
    func thresholdList() {
        let list = Age.thresholds(born: date("2009-06-15"), on: date("2026-04-13"))
        #expect(list.map(\.id) == ["age10", "age15", "age16", "age17half", "age18", "age23"])
        #expect(list.map(\.ageLabel) == ["10 år", "15 år", "16 år", "17½ år", "18 år", "23 år"])
        #expect(
            list.map(\.date)
                == [
                    "2019-06-15", "2024-06-15", "2025-06-15", "2026-12-15", "2027-06-15", "2032-06-15",
                ].map(date))
        #expect(list.map(\.passed) == [true, true, true, false, false, false])
        #expect(
            list.map(\.legalReferenceID) == [
                .partyRights, .consentFrom15, .ungeplanConsider, .youthSupportDecision, .adultActionPlan, .aftercare,
            ])
        #expect(list.allSatisfy { !$0.whatChanges.isEmpty })
    }

    @Test("'passed' skifter på selve dagen")
    func passedOnTheDay() {
        let born = date("2008-05-10")
        let before = Age.thresholds(born: born, on: date("2026-05-09")).first { $0.id == "age18" }
        let onDay = Age.thresholds(born: born, on: date("2026-05-10")).first { $0.id == "age18" }
        #expect(before?.passed == false)
        #expect(onDay?.passed == true)
    }

    /// LAW.md, "Age thresholds": show the rule in force on the date asked, whatever the age on
    /// 1 January 2024; older rules only as "tidl." history. BL § 108 stk. 1: "Kommunalbestyrelsen skal tage
    /// stilling til, om der skal udarbejdes en ungeplan ... 1) Når en ung, der har en barnets plan efter § 91, fylder 16 år."
    @Test("reglen på den spurgte dato gælder, uanset om grænsen blev nået før 2024")
    func ruleOnTheDateAsked() {
        let turning2023 = Age.thresholds(born: date("2007-12-31"), on: date("2026-01-01")).first { $0.id == "age16" }
        #expect(turning2023?.date == date("2023-12-31"))
        #expect(turning2023?.legalReferenceID == .ungeplanConsider)
        #expect(turning2023?.paragraph == "barnets lov § 108, stk. 1 (tidl. serviceloven § 140)")
        #expect(turning2023?.whatChanges.contains("ungeplan") == true)

        // Asked on a date in 2023: serviceloven as it read then.
        let asked2023 = Age.thresholds(born: date("2007-06-30"), on: date("2023-12-31")).first { $0.id == "age16" }
        #expect(asked2023?.legalReferenceID == .transitionGoals)
        #expect(asked2023?.paragraph == "serviceloven § 140, stk. 2")
        #expect(asked2023?.whatChanges.contains("Handleplanen") == true)
    }

    /// BL § 3: "Børn og unge, der er fyldt 10 år, udøver partsbeføjelser i følgende sager: 1) Indsatser efter § 32,
    /// stk. 1. 2) Social stofmisbrugsbehandling efter § 33. ..." It is the rule for everyone from 2024, also for
    /// those who turned 10 before (before 2024: SEL § 167, appeal from 12).
    @Test("partsbeføjelser fra 10 år citerer barnets lov § 3 for alle fra 2024")
    func partyRightsForEveryone() {
        let old = Dictionary(
            uniqueKeysWithValues: Age.thresholds(born: date("2005-03-01"), on: date("2026-04-13")).map {
                ($0.id, $0.paragraph)
            })
        #expect(old["age10"] == "barnets lov § 3 (tidl. serviceloven § 167)")
        #expect(old["age15"] == "barnets lov § 22, stk. 2, § 33, stk. 2 og § 46 (tidl. serviceloven § 50, stk. 1)")
        #expect(old["age17half"] == "barnets lov § 111 (tidl. serviceloven § 68, stk. 11)")
        #expect(old["age18"] == "serviceloven § 141")
        #expect(old["age23"] == "barnets lov §§ 113-117 og 120 (tidl. serviceloven § 76)")

        let asked2015 = Dictionary(
            uniqueKeysWithValues: Age.thresholds(born: date("2005-03-01"), on: date("2015-06-01")).map {
                ($0.id, $0.paragraph)
            })
        // Before 2024 the threshold is 12 (SEL § 167 stk. 1; AUDIT row 44).
        #expect(asked2015["age12"] == "serviceloven § 167")
        #expect(asked2015["age17half"] == "serviceloven § 68, stk. 12")

        let new = Dictionary(
            uniqueKeysWithValues: Age.thresholds(born: date("2014-06-01"), on: date("2026-04-13")).map {
                ($0.id, $0.paragraph)
            })
        #expect(new["age10"] == "barnets lov § 3 (tidl. serviceloven § 167)")
        #expect(new["age16"] == "barnets lov § 108, stk. 1 (tidl. serviceloven § 140)")
        #expect(new["age18"] == "serviceloven § 141")
    }

    @Test("grænserne gemmes og læses som JSON")
    func json() throws {
        let list = Age.thresholds(born: date("2010-08-31"), on: date("2026-04-13"))
        let data = try UngeJSON.encoder().encode(list)
        let back = try UngeJSON.decoder().decode([AgeThreshold].self, from: data)
        #expect(back == list)
        #expect(String(decoding: data, as: UTF8.self).contains(#""legalReferenceID" : "youthSupportDecision""#))
    }
}
