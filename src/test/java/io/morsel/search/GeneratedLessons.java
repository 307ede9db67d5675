package io.morsel.search;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Option;
import io.morsel.catalog.SingleChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lessons for the search benchmark (bench/search), the same for the same seed and number: lesson {@code n} depends on
 * the seed and {@code n} alone, so 100,000 lessons are the first 10,000 and 90,000 more. Each is about one of
 * {@link #TOPICS} of a company's training (sales, support, reporting, security...), in sentences built from that
 * topic's words and the everyday words around them, so that learners' queries ({@link #queries}) match some lessons
 * strongly, many weakly and most not at all, as in a real catalog.
 *
 * <p>Each lesson: a title, an objective, a text block of two paragraphs, a three-minute video with a transcript of 18
 * cues (six 30-second windows) and a single-choice question with two options: 24 passages, 12 of them embedded.
 */
final class GeneratedLessons {

	/** A topic: its nouns, its verbs and the skill lessons about it build. */
	private record Topic(String skill, String[] nouns, String[] verbs) {

		Topic(String skill, String nouns, String verbs) {
			this(skill, nouns.split(","), verbs.split(","));
		}
	}

	private static final List<Topic> TOPICS = List.of(
			new Topic("Discount approval", "discount,approval,margin,deal desk,price list,quote,exception,partner price",
					"approve,request,escalate,justify,reject,apply"),
			new Topic("Forecasting", "forecast,pipeline,commit,best case,quarter,close date,stage,weighted amount",
					"forecast,update,review,roll up,adjust,predict"),
			new Topic("Dashboards", "dashboard,chart,filter,widget,report,drill-down,data source,refresh schedule",
					"build,share,filter,pin,export,refresh"),
			new Topic("Spreadsheet import", "spreadsheet,column,row,mapping,duplicate,CSV file,header,template",
					"import,map,clean,upload,merge,validate"),
			new Topic("Single sign-on", "single sign-on,identity provider,SAML assertion,certificate,login,redirect,session,metadata",
					"configure,sign in,rotate,trust,redirect,expire"),
			new Topic("Password hygiene", "password,password manager,phishing email,second factor,reset link,account,breach,passphrase",
					"reset,store,report,enable,share,recognise"),
			new Topic("Billing", "invoice,seat,plan,trial,upgrade,credit note,payment method,billing contact",
					"upgrade,cancel,bill,refund,change,renew"),
			new Topic("Renewals", "renewal,contract,churn risk,health score,usage drop,champion,notice period,expansion",
					"renew,flag,save,expand,negotiate,review"),
			new Topic("Discovery calls", "discovery call,prospect,pain point,budget,decision maker,timeline,next step,qualification",
					"ask,qualify,listen,summarise,schedule,uncover"),
			new Topic("Objection handling", "objection,competitor,price concern,reference customer,proof,trade-off,risk,concern",
					"handle,acknowledge,reframe,answer,compare,reassure"),
			new Topic("Onboarding customers", "onboarding,kickoff,success plan,milestone,admin user,training session,go-live,handover",
					"onboard,plan,invite,train,launch,hand over"),
			new Topic("Incident response", "incident,outage,status page,severity,on-call engineer,postmortem,root cause,timeline",
					"declare,escalate,mitigate,communicate,resolve,investigate"),
			new Topic("Data privacy", "personal data,consent,retention period,data subject request,processor,privacy notice,deletion,breach",
					"collect,delete,export,consent,anonymise,retain"),
			new Topic("Expense policy", "expense,receipt,per diem,travel booking,hotel,mileage,corporate card,approval limit",
					"claim,submit,approve,book,reimburse,attach"),
			new Topic("Meetings", "meeting,agenda,action item,decision,minutes,calendar invite,time zone,follow-up",
					"schedule,run,decline,record,summarise,follow up"),
			new Topic("Customer support tickets", "ticket,queue,priority,first response,macro,escalation,satisfaction score,backlog",
					"triage,assign,reply,close,escalate,merge"),
			new Topic("Commission", "commission,quota,accelerator,payout,territory,split,clawback,attainment",
					"calculate,earn,dispute,split,pay,track"),
			new Topic("Product releases", "release,feature flag,changelog,beta,roadmap,rollout,known issue,release note",
					"announce,roll out,enable,test,ship,document"),
			new Topic("Accessibility", "screen reader,contrast,caption,alt text,keyboard,focus order,heading,transcript",
					"caption,describe,check,navigate,label,fix"),
			new Topic("Feedback conversations", "feedback,one-to-one,goal,example,behaviour,impact,growth area,praise",
					"give,receive,ask,prepare,praise,coach"));

	private static final String[] ROLES = { "the account manager", "the customer", "your manager", "the admin",
			"a new hire", "the support agent", "the finance team", "the presenter", "a partner", "the team lead" };

	private static final String[] CONNECTORS = { "before the end of the quarter", "when the customer asks",
			"in the first week", "every Monday", "if something looks wrong", "after the call", "during the demo",
			"for every region", "without waiting for IT", "as the policy says", "in most cases", "by default" };

	private static final String[] COMMON = { "quickly", "carefully", "first", "again", "always", "usually", "together",
			"on time", "in writing", "with care" };

	/** What learners type: a question, a few words, a symptom, half a phrase; some misspelt. */
	private static final String[] QUERY_FORMS = { "how do I %v a %n", "%n %n2", "who can %v the %n",
			"what to do when the %n is wrong", "%v %n", "%n", "why did my %n %v", "\"%n\"", "%n for %r" };

	private final long seed;

	GeneratedLessons(long seed) {
		this.seed = seed;
	}

	/** Lesson {@code n}; the same for the same seed and n. */
	LessonContent lesson(int n) {
		var random = new Random(seed * 1_000_003L + n);
		var topic = TOPICS.get(random.nextInt(TOPICS.size()));
		var other = TOPICS.get(random.nextInt(TOPICS.size()));
		var cues = new StringBuilder("WEBVTT\n\n");
		for (int c = 0; c < 18; c++) {
			cues.append(time(c * 10)).append(" --> ").append(time(c * 10 + 9)).append('\n')
				.append(sentence(random, c % 5 == 4 ? other : topic))
				.append("\n\n");
		}
		var noun = pick(random, topic.nouns());
		var question = new SingleChoice("check",
				"What should you do first when " + pick(random, ROLES) + " asks about the " + noun + "?",
				List.of(new Option("a", capitalised(pick(random, topic.verbs())) + " the " + pick(random, topic.nouns()),
						true, sentence(random, topic)),
						new Option("b", capitalised(pick(random, other.verbs())) + " the " + pick(random, other.nouns()),
								false, sentence(random, other))),
				true, sentence(random, topic));
		var blocks = List.<Block>of(
				new Block.Text(sentence(random, topic) + " " + sentence(random, topic) + "\n\n" + sentence(random, topic)
						+ " " + sentence(random, other)),
				new Block.Video(null, "https://vimeo.com/" + (100_000 + n), capitalised(noun) + " walkthrough",
						cues.toString()),
				new Block.Question(question));
		var title = capitalised(pick(random, topic.verbs())) + " the " + noun + " " + pick(random, CONNECTORS);
		var objective = new Objective("Learners can " + pick(random, topic.verbs()) + " the " + noun + " and "
				+ pick(random, topic.verbs()) + " the " + pick(random, topic.nouns()) + " " + pick(random, CONNECTORS)
				+ ".");
		return new LessonContent(title + " (" + n + ")", objective, 2 + random.nextInt(6), List.of(topic.skill()),
				blocks);
	}

	/** {@code count} queries as learners type them, the same for the same seed. */
	List<String> queries(int count) {
		var random = new Random(seed ^ 0x5EA4C4L);
		var queries = new ArrayList<String>();
		for (int i = 0; i < count; i++) {
			var topic = TOPICS.get(random.nextInt(TOPICS.size()));
			var query = pick(random, QUERY_FORMS).replace("%v", pick(random, topic.verbs()))
				.replace("%n2", pick(random, topic.nouns()))
				.replace("%n", pick(random, topic.nouns()))
				.replace("%r", pick(random, ROLES).replace("the ", "").replace("a ", "").replace("your ", ""));
			queries.add(i % 8 == 7 ? misspelt(random, query) : query);
		}
		return queries;
	}

	/** The skills the lessons build, for the catalog's skill list. */
	static List<String> skills() {
		return TOPICS.stream().map(Topic::skill).toList();
	}

	private static String sentence(Random random, Topic topic) {
		return switch (random.nextInt(4)) {
			case 0 -> capitalised(pick(random, ROLES)) + " should " + pick(random, topic.verbs()) + " the "
					+ pick(random, topic.nouns()) + " " + pick(random, CONNECTORS) + ".";
			case 1 -> "When the " + pick(random, topic.nouns()) + " changes, " + pick(random, topic.verbs()) + " the "
					+ pick(random, topic.nouns()) + " " + pick(random, COMMON) + " and tell " + pick(random, ROLES) + ".";
			case 2 -> "Remember that the " + pick(random, topic.nouns()) + " depends on the "
					+ pick(random, topic.nouns()) + ", so " + pick(random, topic.verbs()) + " it "
					+ pick(random, CONNECTORS) + ".";
			default -> "Most mistakes with the " + pick(random, topic.nouns()) + " happen "
					+ pick(random, CONNECTORS) + ", when nobody thought to " + pick(random, topic.verbs()) + " the "
					+ pick(random, topic.nouns()) + ".";
		};
	}

	/** One letter of the longest word swapped with the next, as fast typing does. */
	private static String misspelt(Random random, String query) {
		var words = query.split(" ");
		int longest = 0;
		for (int i = 1; i < words.length; i++) {
			if (words[i].length() > words[longest].length()) {
				longest = i;
			}
		}
		var word = words[longest].toCharArray();
		if (word.length > 4) {
			int at = 1 + random.nextInt(word.length - 3);
			var c = word[at];
			word[at] = word[at + 1];
			word[at + 1] = c;
			words[longest] = new String(word);
		}
		return String.join(" ", words);
	}

	/** Some words far more often than others, as in real text. */
	private static String pick(Random random, String[] words) {
		return words[(int) (Math.pow(random.nextDouble(), 1.5) * words.length)];
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String time(int seconds) {
		return String.format("00:%02d:%02d.000", seconds / 60, seconds % 60);
	}
}
