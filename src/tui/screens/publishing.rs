//! The Publishing tab: Scheduled, Published, Drafts and Canceled, with R5b
//! applied, each in its time order (soonest scheduled first, newest
//! published first), a page at a time by keyset. Each row names the account
//! and the author; `a` composes, `e` reschedules, `x` cancels.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::kit::Context;
use super::kit::{Paged, empty, paged_action, row_rect};
use crate::lifecycle::post::Tab as PostTab;
use crate::present::{column as cut, escape_control};
use crate::store::posts::{PostLine, TimeCursor};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::{long_date, relative};
use crate::tui::hits::Hits;
use crate::tui::theme::pick;

/// The Publishing tab: its sub-tab and its page of posts.
pub struct PostsPane {
    pub tab: PostTab,
    pub list: Paged<PostLine, TimeCursor>,
}

pub fn handle(pane: &mut PostsPane, action: Action) -> Vec<Effect> {
    if matches!(action, Action::Left | Action::Right) {
        let at = PostTab::ALL
            .iter()
            .position(|t| *t == pane.tab)
            .unwrap_or(0);
        let next = if action == Action::Right {
            (at + 1) % 4
        } else {
            (at + 3) % 4
        };
        pane.tab = PostTab::ALL[next];
        pane.list = Paged::default();
        return vec![Effect::Reload];
    }
    paged_action(&mut pane.list, action, |p| p.cursor)
}

/// A post's status in words.
fn status_words(line: &PostLine) -> String {
    crate::present::post_status_words(line.post.status)
}

pub fn draw(
    frame: &mut Frame<'_>,
    ctx: &Context<'_>,
    pane: &PostsPane,
    area: Rect,
    hits: &mut Hits,
) {
    let (theme, zone, now) = (ctx.theme, ctx.zone, ctx.session.now);
    let mut x = area.x + 1;
    for tab in PostTab::ALL {
        let label = crate::tr!(match tab {
            PostTab::Scheduled => "post-tab-scheduled",
            PostTab::Published => "post-tab-published",
            PostTab::Drafts => "post-tab-drafts",
            PostTab::Canceled => "post-tab-canceled",
        });
        let w = crate::present::width(&label) as u16;
        let rect = Rect::new(x, area.y, w, 1);
        let style = pick(tab == pane.tab, theme.tab_active, theme.muted);
        frame.render_widget(Paragraph::new(Span::styled(label, style)), rect);
        hits.post_tabs.push((rect, tab));
        x += w + 3;
    }
    let hint = format!("  {}", crate::tr!("post-tabs-switch"));
    let hint_width = crate::present::width(&hint) as u16;
    if x + hint_width <= area.right() {
        frame.render_widget(
            Paragraph::new(Span::styled(hint, theme.muted)),
            Rect::new(x, area.y, hint_width, 1),
        );
    }
    let list = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    hits.list_area = list;
    hits.list_capacity = list.height as usize;
    let rows = &pane.list.rows;
    if rows.is_empty() {
        empty(frame, theme, list, &crate::tr!("empty-posts"));
        return;
    }
    let width = area.width as usize;
    let wide = width >= 100;
    let account_of = |line: &crate::store::posts::PostLine| {
        format!(
            "{} · {}",
            line.network.label(),
            escape_control(&line.account_name)
        )
    };
    // The account is the row's identity: its column fits the widest on
    // screen (up to a third of the row), cut in the middle past that, so
    // "Brand 000012" and "Brand 000013" stay apart (issue 18, item 8).
    let account_w = rows
        .iter()
        .take(list.height as usize)
        .map(|line| crate::present::width(&account_of(line)))
        .max()
        .unwrap_or(0)
        .clamp(if wide { 28 } else { 22 }, (width / 3).max(22));
    for (i, line) in rows.iter().take(list.height as usize).enumerate() {
        let selected = i == pane.list.selected;
        let post = &line.post;
        let when = post
            .published_at
            .or(post.scheduled_at)
            .map(|t| {
                if wide {
                    format!("{} ({})", long_date(zone, t), relative(t, now))
                } else {
                    long_date(zone, t)
                }
            })
            .unwrap_or_else(|| crate::tr!("post-status-draft"));
        let account = account_of(line);
        let mut text = format!(
            " {} {} {} ",
            cut(&when, if wide { 29 } else { 17 }),
            crate::present::column_middle(&account, account_w),
            cut(&status_words(line), if wide { 20 } else { 10 }),
        );
        if wide {
            text.push_str(&cut(&escape_control(&line.author_name), 14));
            text.push(' ');
        }
        text.push_str(&escape_control(&post.text));
        let style = pick(selected, theme.hovered, theme.text);
        let rect = row_rect(list, i);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(cut(&text, width), style))),
            rect,
        );
        hits.list_rows.push((rect, i));
    }
}
