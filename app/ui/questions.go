package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// knownMessages are the sign-in messages people report, by catalogue id,
// with the English text the engine matches on.
// Source: ../shared/seed (the typical messages of Microsoft's passkey
// sign-in).
var knownMessages = []struct{ id, english string }{
	{"device", "We couldn't use your device to verify your identity"},
	{"nolonger", "This passkey can no longer be used"},
	{"signin", "We couldn't sign you in"},
}

// questions asks only what a browser cannot know. Every change goes to
// OnChange at once, so the steps below follow the answers.
type questions struct {
	app.Compo

	Lang    string
	Answers diag.Answers
	// Android shows the work-profile questions.
	Android  bool
	OnChange func(app.Context, diag.Answers)

	// messageChoice is the message option picked ("other" and "none" carry
	// no text of their own to tell them apart).
	messageChoice string
}

func newQuestions() *questions { return &questions{} }

// With sets the inputs.
func (q *questions) With(lang string, a diag.Answers, android bool, onChange func(app.Context, diag.Answers)) *questions {
	q.Lang, q.Answers, q.Android, q.OnChange = lang, a, android, onChange
	return q
}

func (q *questions) change(ctx app.Context, edit func(*diag.Answers)) {
	a := q.Answers
	edit(&a)
	q.Answers = a
	if q.OnChange != nil {
		q.OnChange(ctx, a)
	}
}

func (q *questions) Render() app.UI {
	return app.Section().ID("questions").Class("card").Aria("labelledby", "questions-title").Body(
		app.H2().ID("questions-title").Text(tr(q.Lang, "ui.q.title")),
		app.P().Class("lead").Text(tr(q.Lang, "ui.q.lead")),
		q.choice("account", "ui.q.account", q.Answers.AccountType, []option{
			{"work", "ui.q.account.work"}, {"personal", "ui.q.account.personal"},
		}, func(a *diag.Answers, v string) { a.AccountType = v }),
		q.messageQuestion(),
		q.tri("other-method", "ui.q.otherMethod", q.Answers.OtherMethodWorks, func(a *diag.Answers, t diag.Tri) { a.OtherMethodWorks = t }),
		q.tri("other-device", "ui.q.otherDevice", q.Answers.OtherDeviceWorks, func(a *diag.Answers, t diag.Tri) { a.OtherDeviceWorks = t }),
		app.If(q.Android,
			q.tri("work-profile", "ui.q.workProfile", q.Answers.AndroidWorkProfile, func(a *diag.Answers, t diag.Tri) { a.AndroidWorkProfile = t }),
		),
		app.If(q.Android && q.Answers.AndroidWorkProfile == diag.Yes,
			q.tri("personal-profile", "ui.q.personalProfile", q.Answers.PasskeyInPersonalProfile, func(a *diag.Answers, t diag.Tri) { a.PasskeyInPersonalProfile = t }),
		),
	)
}

// option is one radio button: its value and the catalogue id of its label.
type option struct{ value, label string }

// choice is a group of radio buttons in a fieldset, the accessible form of
// a single-choice question.
func (q *questions) choice(name, legend, current string, opts []option, set func(*diag.Answers, string)) app.UI {
	return app.FieldSet().ID("q-"+name).Class("question").Body(
		app.Legend().Text(tr(q.Lang, legend)),
		app.Range(opts).Slice(func(i int) app.UI {
			o := opts[i]
			id := "q-" + name + "-" + o.value
			radio := app.Input().Type("radio").ID(id).Name(name).Value(o.value).
				OnChange(func(ctx app.Context, _ app.Event) {
					q.change(ctx, func(a *diag.Answers) { set(a, o.value) })
				})
			if current == o.value {
				radio = radio.Checked(true) // see languageSwitch: never checked="false"
			}
			return app.Div().Class("choice").Body(
				radio,
				app.Label().For(id).Text(tr(q.Lang, o.label)),
			)
		}),
	)
}

// tri is a yes / no / not sure question.
func (q *questions) tri(name, legend string, current diag.Tri, set func(*diag.Answers, diag.Tri)) app.UI {
	cur := ""
	if current == diag.Yes || current == diag.No {
		cur = string(current)
	}
	return q.choice(name, legend, cur, []option{
		{"yes", "ui.answer.yes"}, {"no", "ui.answer.no"}, {"unknown", "ui.answer.unknown"},
	}, func(a *diag.Answers, v string) { set(a, diag.Tri(v)) })
}

// messageQuestion offers the known messages, "another message" with a box
// to paste it, and "no message".
func (q *questions) messageQuestion() app.UI {
	current := ""
	for _, m := range knownMessages {
		if q.Answers.Message == m.english {
			current = m.id
		}
	}
	switch {
	case q.messageChoice != "":
		current = q.messageChoice
	case current == "" && q.Answers.Message != "":
		current = "other"
	}
	opts := make([]option, 0, len(knownMessages)+2)
	for _, m := range knownMessages {
		opts = append(opts, option{m.id, "ui.q.message." + m.id})
	}
	opts = append(opts, option{"other", "ui.q.message.other"}, option{"none", "ui.q.message.none"})
	return app.Div().Body(
		q.choice("message", "ui.q.message", current, opts, func(a *diag.Answers, v string) {
			q.messageChoice = v
			a.Message = ""
			for _, m := range knownMessages {
				if m.id == v {
					a.Message = m.english
				}
			}
		}),
		app.If(current == "other",
			app.Div().Class("question").Body(
				app.Label().For("q-message-text").Text(tr(q.Lang, "ui.q.message.paste")),
				app.Textarea().ID("q-message-text").Rows(3).MaxLength(600).Text(q.Answers.Message).
					OnChange(func(ctx app.Context, _ app.Event) {
						text := ctx.JSSrc().Get("value").String()
						q.change(ctx, func(a *diag.Answers) { a.Message = text })
					}),
			),
		),
	)
}
