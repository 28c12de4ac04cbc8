import Foundation
import UngeCore
import UngeStore

/// The plausibility check of a young person's age at registration (`Age.plausibleRange`): an age
/// outside 10-30 is asked about on a terminal and refused in a script unless `--bekraeft-alder`
/// (exit 2, nothing saved).
enum AgeCheck {
    static let option = OptionSpec(
        "--bekraeft-alder",
        help: "Gem, selv om alderen ud fra CPR-nummer eller fødselsdato er under \(Age.plausibleRange.lowerBound) "
            + "eller over \(Age.plausibleRange.upperBound) år.")

    /// Passes when the age is plausible, confirmed with the option, or confirmed on the terminal.
    static func confirm(
        _ person: YoungPerson, registered: LocalDate, confirmed: Bool, asking: Bool, ctx: Context
    ) throws {
        guard let born = person.birthDate, let age = Age.implausible(born: born, on: registered), !confirmed else {
            return
        }
        let fromCPR = person.cpr != nil
        let question = Age.implausibleQuestion(age: age, fromCPR: fromCPR)
        let what = fromCPR ? "CPR-nummeret \(person.cpr!.masked)" : "fødselsdatoen \(born.danishShort)"
        if asking {
            if try Prompter(console: ctx.console).yesNo(question, defaultValue: false) { return }
            throw UsageError.message("Intet er gemt. Ret \(what), og prøv igen.")
        }
        throw UsageError.message(
            "\(question) Ud fra \(what) er den unge \(age) år den \(registered.danishShort), og det ligner en tastefejl. "
                + "Ret det, eller gem alligevel med --bekraeft-alder. Intet er gemt.")
    }
}
