//! The bookmarks panel: a real tree (article > sub-article > paragraph),
//! written with lopdf.

use super::layout::HeadingMark;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A PDF text string: UTF-16BE with a byte order mark, so accents, « » and
/// narrow no-break spaces survive in every reader.
pub fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

struct Node {
    mark: usize,
    children: Vec<usize>,
}

/// Nest headings by level; a level-3 heading straight under a level-1
/// heading simply becomes its child.
fn tree(marks: &[HeadingMark]) -> (Vec<Node>, Vec<usize>) {
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots = Vec::new();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        while stack.last().is_some_and(|&(level, _)| level >= m.level) {
            stack.pop();
        }
        nodes.push(Node {
            mark: i,
            children: Vec::new(),
        });
        match stack.last() {
            Some(&(_, parent)) => nodes[parent].children.push(i),
            None => roots.push(i),
        }
        stack.push((m.level, i));
    }
    (nodes, roots)
}

/// Articles start open, deeper levels folded: the panel stays short.
fn is_open(marks: &[HeadingMark], nodes: &[Node], n: usize) -> bool {
    marks[nodes[n].mark].level <= 1
}

/// Entries shown under `n` once it is open (PDF /Count semantics).
fn visible(marks: &[HeadingMark], nodes: &[Node], n: usize) -> i64 {
    nodes[n]
        .children
        .iter()
        .map(|&c| {
            1 + if is_open(marks, nodes, c) {
                visible(marks, nodes, c)
            } else {
                0
            }
        })
        .sum()
}

pub fn add(doc: &mut Document, page_ids: &[ObjectId], marks: &[HeadingMark]) -> lopdf::Result<()> {
    if marks.is_empty() {
        return Ok(());
    }
    let (nodes, roots) = tree(marks);
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = nodes.iter().map(|_| doc.new_object_id()).collect();

    let write_siblings = |doc: &mut Document, siblings: &[usize], parent: ObjectId| {
        for (k, &n) in siblings.iter().enumerate() {
            let mark = &marks[nodes[n].mark];
            let mut d = Dictionary::new();
            d.set("Title", text_string(&mark.label));
            d.set("Parent", Object::Reference(parent));
            if k > 0 {
                d.set("Prev", Object::Reference(ids[siblings[k - 1]]));
            }
            if k + 1 < siblings.len() {
                d.set("Next", Object::Reference(ids[siblings[k + 1]]));
            }
            if let (Some(&first), Some(&last)) =
                (nodes[n].children.first(), nodes[n].children.last())
            {
                d.set("First", Object::Reference(ids[first]));
                d.set("Last", Object::Reference(ids[last]));
                let count = visible(marks, &nodes, n);
                d.set(
                    "Count",
                    if is_open(marks, &nodes, n) {
                        count
                    } else {
                        -count
                    },
                );
            }
            if let Some(&page) = page_ids.get(mark.page) {
                d.set(
                    "Dest",
                    Object::Array(vec![
                        Object::Reference(page),
                        "XYZ".into(),
                        Object::Null,
                        Object::Real(mark.top),
                        Object::Null,
                    ]),
                );
            }
            doc.objects.insert(ids[n], Object::Dictionary(d));
        }
    };
    write_siblings(doc, &roots, root_id);
    for (n, node) in nodes.iter().enumerate() {
        if !node.children.is_empty() {
            write_siblings(doc, &node.children, ids[n]);
        }
    }

    let visible: i64 = roots
        .iter()
        .map(|&r| {
            1 + if is_open(marks, &nodes, r) {
                visible(marks, &nodes, r)
            } else {
                0
            }
        })
        .sum();
    let mut root = Dictionary::new();
    root.set("Type", "Outlines");
    root.set("First", Object::Reference(ids[roots[0]]));
    root.set(
        "Last",
        Object::Reference(ids[*roots.last().unwrap_or(&roots[0])]),
    );
    root.set("Count", visible);
    doc.objects.insert(root_id, Object::Dictionary(root));

    let catalog = doc.catalog_mut()?;
    catalog.set("Outlines", Object::Reference(root_id));
    catalog.set("PageMode", "UseOutlines");
    Ok(())
}
